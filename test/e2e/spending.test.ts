import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newContext, openApp, useChromium, VIEWPORTS, waitForApp, type OpenedPage } from './support/browser.ts';
import { fitsNarrowPhone, loadSampleData, mainTab, screenshotScreen } from './support/screens.ts';

// Auckland, 12 or 13 hours ahead of UTC: the sample's groceries on a month's last day mostly fall on the next month's first day there.
// German, so amounts read 1.234,56 €.
const ZONE = 'Pacific/Auckland';
const LOCALE = 'de-DE';
const browser = useChromium();
let app: OpenedPage & { close(): Promise<void> };

beforeAll(async () => {
  const context = await newContext(browser(), { locale: LOCALE, timezoneId: ZONE });
  app = { ...(await openApp(context, '?e2e')), close: () => context.close() };
  await waitForApp(app.page);
  await loadSampleData(app.page);
});

afterAll(async () => {
  await app?.close();
});

type Spending = Record<string, Record<string, number>>;

/** What each category took out in each month of the test's time zone, worked out from the log itself. */
async function spendingFromLog(page: Page): Promise<Spending> {
  const log = await page.evaluate(() => window.__rewindTest!.log());
  const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' });
  const spending: Spending = {};
  for (const event of log) {
    if (event.type !== 'FundsWithdrawn') continue;
    const { amount, category } = event.payload as { amount: number; category: string };
    const month = monthOf.format(new Date(event.meta.at)).slice(0, 7);
    const row = (spending[month] ??= {});
    row[category] = (row[category] ?? 0) + amount;
  }
  return spending;
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** "1.234,56 €" → 123456. */
const cents = (text: string) => {
  expect(text).toMatch(/^\d{1,3}(\.\d{3})*,\d\d\s€$/);
  return Number(text.replace(/\D/g, ''));
};

/** The table's rows as the person reads them: category and amount. */
async function tableRows(page: Page): Promise<Record<string, number>> {
  const section = page.getByRole('region', { name: 'Spending by category' });
  const rows = await section.getByRole('table').locator('tbody tr').all();
  const read: Record<string, number> = {};
  for (const row of rows) read[(await row.getByRole('rowheader').textContent())!] = cents((await row.getByRole('cell').first().textContent())!);
  return read;
}

test('spending by category shows each month’s withdrawals per category, as bars and a table, on a phone and a desktop, light and dark', async () => {
  const { page } = app;
  const expected = await spendingFromLog(page);
  const months = Object.keys(expected).sort();
  expect(months.length).toBeGreaterThanOrEqual(12);

  await mainTab(page, 'Reports').click();
  const section = page.getByRole('region', { name: 'Spending by category' });
  const picker = section.getByLabel('Month');
  await picker.waitFor();
  // The latest month first.
  const latest = months.at(-1)!;
  await section.getByRole('table', { name: `Spending in ${monthName(latest)}` }).waitFor();
  expect(await tableRows(page)).toEqual(expected[latest]);

  // Every month, chosen by its name as a person would, newest first; a month ends where it ends in this time zone.
  for (const each of months.slice(0, -1).reverse()) {
    await picker.selectOption({ label: monthName(each) });
    await section.getByRole('table', { name: `Spending in ${monthName(each)}` }).waitFor();
    expect(await tableRows(page), monthName(each)).toEqual(expected[each]);
  }
  const month = months.at(-3)!;
  expect(Object.keys(expected[month]!)).toEqual(expect.arrayContaining(['Groceries', 'Rent', 'Utilities']));
  await picker.selectOption({ label: monthName(month) });
  await section.getByRole('table', { name: `Spending in ${monthName(month)}` }).waitFor();
  const total = Object.values(expected[month]!).reduce((a, b) => a + b, 0);
  expect(cents((await section.locator('tfoot td').first().textContent())!)).toBe(total);
  const categories = await section.getByRole('table').getByRole('rowheader').allTextContents();
  // The bars show the same categories in the same order, the largest bar full width.
  expect(await section.locator('.spending-bar-label').allTextContents()).toEqual(categories.slice(0, -1));
  const shares = (await section.locator('tbody td:nth-child(3)').allTextContents()).map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
  expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const viewport of Object.values(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await section.getByRole('table').scrollIntoViewIfNeeded();
      expect(await section.locator('.spending-bar').first().isVisible()).toBe(true);
      expect(await section.getByRole('table').isVisible()).toBe(true);
    }
    expect(await fitsNarrowPhone(page)).toBe(true);
  }
  // The bars take the theme's colours: dark mode draws them lighter.
  const barColour = () => section.locator('.spending-bar-fill').first().evaluate((bar) => getComputedStyle(bar).backgroundColor);
  const dark = await barColour();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await barColour()).not.toBe(dark);
  await screenshotScreen(page, 'spending');

  // Each category opens its movements in the event log.
  await section.getByRole('link', { name: 'Groceries' }).click();
  await page.getByRole('heading', { name: 'Event log', level: 1 }).waitFor();
  expect(page.url()).toContain('#/log?category=Groceries');
  await expect.poll(() => page.getByLabel('Category').inputValue()).toBe('Groceries');
  expect(app.problems).toEqual([]);
}, 120_000);
