import { afterAll, beforeAll, expect, test } from 'vitest';
import { useChromium } from './support/browser.ts';
import {
  accountRow,
  fitsNarrowPhone,
  loadSampleData,
  openLedgerPage,
  screenshotScreen,
  type LedgerPage,
} from './support/screens.ts';

// The sample year gives every screen something to show; the screenshots of the main screens come from here.
const browser = useChromium();
let app: LedgerPage;

beforeAll(async () => {
  app = await openLedgerPage(browser());
  await loadSampleData(app.page);
});

afterAll(async () => {
  await app?.context.close();
});

const tab = (name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

test('the main screens with a year of sample data, at phone and desktop size', async () => {
  const { page } = app;
  await screenshotScreen(page, 'accounts');
  expect(await fitsNarrowPhone(page)).toBe(true);
  await accountRow(page, 'Ana Okafor-Lind').getByRole('link').click();
  await page.getByRole('heading', { name: 'Ana Okafor-Lind', level: 1 }).waitFor();
  await expect.poll(() => page.locator('.history-line').count()).toBe(20);
  await screenshotScreen(page, 'account-sample');
  expect(await fitsNarrowPhone(page)).toBe(true);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect.poll(() => page.locator('.history-line').count()).toBe(40);
  await tab('Outbox').click();
  await page.getByRole('heading', { name: /^Waiting to be sent/ }).waitFor();
  await screenshotScreen(page, 'outbox');
  expect(await fitsNarrowPhone(page)).toBe(true);
});

test('Reports show the balance chart with a summary in words, money moved by period and inactive accounts', async () => {
  const { page } = app;
  await tab('Reports').click();
  const chart = page.getByRole('region', { name: 'Balances over time' });
  await chart.locator('.balance-chart canvas').waitFor();
  expect(await chart.locator('.balance-chart').getAttribute('aria-hidden')).toBe('true');
  await screenshotScreen(page, 'reports');
  expect(await chart.locator('figcaption').textContent()).toMatch(
    /^Money in the system went from €[\d,]+\.\d\d on \w{3} \d{1,2}, \d{4} to €[\d,]+\.\d\d on .+; highest .+, lowest .+\. The largest account now is .+ with €[\d,.]+\.$/,
  );
  await chart.getByText('Show the figures').click();
  expect(await chart.locator('table tbody tr').count()).toBeGreaterThanOrEqual(12);
  expect(await chart.locator('table thead th').allTextContents()).toEqual(
    expect.arrayContaining(['Money in the system', 'Ana Okafor-Lind', 'Holiday fund']),
  );

  const moved = page.getByRole('region', { name: 'Money moved' });
  const rowHeads = () => moved.locator('tbody th').allTextContents();
  expect(await rowHeads()).toHaveLength(12);
  expect((await rowHeads())[0]).toMatch(/^[A-Z][a-z]+ \d{4}$/);
  await moved.getByRole('radio', { name: 'Year' }).check();
  await expect.poll(async () => (await rowHeads()).every((h) => /^\d{4}$/.test(h))).toBe(true);
  await moved.getByRole('radio', { name: 'Day' }).check();
  await expect.poll(async () => (await rowHeads())[0]).toMatch(/^\w{3} \d{1,2}, \d{4}$/);
  expect(await rowHeads()).toHaveLength(31);
  expect(await moved.locator('tfoot').textContent()).toMatch(/^All time€[\d,]+\.\d\d$/);

  // Wide tables scroll inside their card; the page itself never scrolls sideways.
  expect(await fitsNarrowPhone(page)).toBe(true);
  const inactive = page.getByRole('region', { name: 'Inactive accounts' });
  await inactive.getByText(/^Open accounts with no money movement or status change in the 30 days before/).waitFor();
  expect(app.problems).toEqual([]);
});
