import { expect, test } from 'vitest';
import { newContext, openApp, useChromium, waitForApp } from './support/browser.ts';
import { damageEvent } from './support/reliability.ts';
import { accountRow, loadSampleData, moneyInSystem, openLedgerPage } from './support/screens.ts';

const browser = useChromium();

/** Records every state the boot progress bar showed, however briefly, from the first paint on. */
const RECORD_PROGRESS = `
  window.__progress = [];
  new MutationObserver(() => {
    for (const bar of document.querySelectorAll('[role="progressbar"], progress')) {
      const text = bar.getAttribute('aria-label') + ': ' + bar.getAttribute('aria-valuetext');
      if (!window.__progress.includes(text)) window.__progress.push(text);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

test('first run offers sample data; after a reload the boot shows its progress and rebuilds the same ledger', async () => {
  const { context, page, problems } = await openLedgerPage(browser());
  await page.getByText('Several hundred events, each marked as sample data in the log').waitFor();
  await loadSampleData(page);
  await expect.poll(() => page.locator('.account-list > li').count()).toBe(6);
  expect(await accountRow(page, "Ben's old savings").textContent()).toContain('Closed');
  const total = await moneyInSystem(page).textContent();
  expect(total).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
  const rows = await page.locator('.account-list > li').allTextContents();
  const events = Number((await page.locator('.app-footer').textContent())!.match(/^([\d,]+) events/)![1]!.replace(/,/g, ''));
  expect(events).toBeGreaterThan(300);

  await page.addInitScript(RECORD_PROGRESS);
  await page.reload();
  await waitForApp(page);
  const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(seen[0]).toMatch(/^Rebuilding the ledger from its events: (Opening your ledger…|Replaying events: [\d,]+ of [\d,]+)$/);
  expect(await moneyInSystem(page).textContent()).toBe(total);
  expect(await page.locator('.account-list > li').allTextContents()).toEqual(rows);
  // The footer tells how the boot went once the whole image is in, a moment after the first screen.
  await expect.poll(() => page.locator('.app-footer').textContent()).toMatch(
    new RegExp(`^${events.toLocaleString('en-US')} events in the log\\. This tab (rebuilt the balances from|opened from a snapshot at event) [\\d,]+`),
  );
  // The empty-ledger offer is gone for good.
  expect(await page.getByRole('button', { name: 'Load sample data' }).count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('a damaged event stops the boot with a screen that names it and leads to Export log', async () => {
  const { context, page } = await openLedgerPage(browser());
  const open = page.getByRole('form', { name: 'Open an account' });
  await open.getByLabel('Owner').fill('Ada Lovelace');
  await open.getByLabel('E-mail').fill('ada@example.org');
  await open.getByLabel('Initial deposit, optional (EUR)').fill('10');
  await open.getByRole('button', { name: 'Open account' }).click();
  await open.getByRole('status').filter({ hasText: 'for Ada Lovelace.' }).waitFor();

  // Lose event 2 (and any snapshot that would let the replay skip past it), as a failing disk might.
  expect(await damageEvent(page, 2)).toBe('tail');
  await page.reload();
  const failure = page.getByRole('alert');
  await failure.getByRole('heading', { name: 'Event 2 of the log is damaged' }).waitFor();
  expect(await failure.textContent()).toContain('Nothing has been changed or deleted.');
  expect(await failure.textContent()).toContain('(export event 1 only, to leave the damaged one out)');
  await failure.getByRole('link', { name: 'Data → Export log' }).click();
  await page.getByText('Event 2 of the log is damaged. Export log saves the events that can still be read (event 1).').waitFor();
  await page.getByRole('button', { name: 'Export log' }).first().waitFor();
  await context.close();
});

test('code that does not arrive (the connection dropped mid-load) is told as such, not as a database problem, and a reload recovers', async () => {
  for (const chunk of ['ledger', 'App']) {
    const context = await newContext(browser());
    // The first visit, before the service worker has stored anything: the chunk's request fails as offline.
    const pattern = new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`);
    await context.route(pattern, (route) => route.abort('internetdisconnected'));
    const { page } = await openApp(context);
    const failure = page.getByRole('alert');
    await failure.getByRole('heading', { name: 'Rewind could not load' }).waitFor();
    expect(await failure.textContent()).toContain('your data was not opened and nothing was changed');
    expect(await failure.textContent()).not.toContain('database');

    await context.unroute(pattern);
    await failure.getByRole('button', { name: 'Reload' }).click();
    await waitForApp(page);
    await context.close();
  }
});

test('once the first command is recorded the app asks the browser to keep its data, once', async () => {
  const context = await newContext(browser(), { locale: 'en-US', timezoneId: 'UTC' });
  // Counts the requests: whether the browser grants them is its own business (headless Chromium declines).
  await context.addInitScript(`
    window.__persistRequests = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.__persistRequests++;
      return persist.call(this);
    };
  `);
  const { page, problems } = await openApp(context);
  await waitForApp(page);
  const requests = () => page.evaluate(() => (window as unknown as { __persistRequests: number }).__persistRequests);
  expect(await requests()).toBe(0);

  const open = page.getByRole('form', { name: 'Open an account' });
  for (const [owner, email] of [
    ['Ada Lovelace', 'ada@example.org'],
    ['Grace Hopper', 'grace@example.org'],
  ]) {
    await open.getByLabel('Owner').fill(owner!);
    await open.getByLabel('E-mail').fill(email!);
    await open.getByRole('button', { name: 'Open account' }).click();
    await open.getByRole('status').filter({ hasText: `for ${owner}.` }).waitFor();
  }
  await expect.poll(requests).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});
