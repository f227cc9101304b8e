import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatAccountNumber } from '../../src/ui/components/accountNumber.ts';
import { syntheticLedger } from '../../src/domain/index.ts';
import { saveScreenshots, useChromium } from './support/browser.ts';
import { balances, historyContext, importThroughUi, openRewind, showScreen, withSmallLedger, writeLogFile } from './support/ledgerFiles.ts';

const browser = useChromium();

const events = (page: Page) => page.getByRole('region', { name: 'Events, newest first' }).getByRole('listitem');
const labels = (page: Page) => events(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
const row = (page: Page, seq: number) => events(page).filter({ has: page.getByText(`#${seq.toLocaleString('en-US')}`, { exact: true }) });

test('the event log lists every event newest first by readable name and owner, filters by type, account and text, and shows payload and meta on demand', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await showScreen(page, '#/log', 'Event log');
  await row(page, 15).waitFor();
  expect((await labels(page)).slice(0, 5)).toEqual([
    'Event 15, Funds added',
    'Event 14, Transfer received',
    'Event 13, Transfer sent',
    'Event 12, Withdrawal message queued',
    'Event 11, Funds withdrawn',
  ]);
  expect(await row(page, 14).innerText()).toContain(`Bob Example · ${formatAccountNumber(ledger.bob)}`);
  expect(await row(page, 14).innerText()).not.toContain('account-');
  expect(await row(page, 14).innerText()).toContain('Jan 12, 2026, 10:00:00 AM');

  // Payload and meta on demand, as JSON text.
  await row(page, 14).getByRole('button', { name: 'Details' }).click();
  const details = row(page, 14).locator('pre');
  expect(await details.first().innerText()).toContain('"note": "Rent share"');
  expect(await details.nth(1).innerText()).toContain('"seq": 14');
  await saveScreenshots(page, 'eventlog');

  const status = page.getByRole('status').filter({ hasText: /matching event|found/ });
  await page.getByLabel('Type').selectOption({ label: 'Funds withdrawn' });
  await status.filter({ hasText: '1 matching event in the whole log.' }).waitFor();
  expect(await labels(page)).toEqual(['Event 11, Funds withdrawn']);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Account', { exact: true }).selectOption({ label: `Bob Example · ${formatAccountNumber(ledger.bob)}` });
  await status.filter({ hasText: '6 matching events in the whole log.' }).waitFor();
  expect(await labels(page)).toEqual([
    'Event 15, Funds added',
    'Event 14, Transfer received',
    'Event 10, Account verified',
    'Event 8, Verification message queued',
    'Event 7, Funds added',
    'Event 5, Account opened',
  ]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Text').fill('rent SHARE');
  await status.filter({ hasText: '2 matching events in the whole log.' }).waitFor();
  expect(await labels(page)).toEqual(['Event 14, Transfer received', 'Event 13, Transfer sent']);
  expect(problems).toEqual([]);
  await context.close();
});

test('"Show state after this event" travels to that point', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await showScreen(page, '#/log', 'Event log');
  await row(page, ledger.withdrawalSeq).getByRole('button', { name: 'Show state after this event' }).click();
  await page.getByRole('status').filter({ hasText: `Viewing the past: event ${ledger.withdrawalSeq} of 15` }).waitFor();
  await row(page, ledger.withdrawalSeq).getByText('Viewing the state after this event').waitFor();
  await row(page, 15).getByText('Later than the point in view').waitFor();
  expect(await balances(page)).toEqual({ 'Alice Example': '€80.00', 'Bob Example': '€50.00' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a log of 5,000 events scrolls as a virtual list, read a batch at a time, and jumps to any event', async () => {
  const context = await historyContext(browser());
  const { page, problems } = await openRewind(context);
  const big = [...syntheticLedger({ accounts: 40, events: 5_000, seed: 4 })];
  await importThroughUi(page, await writeLogFile(big, 'big.ndjson'), 'Into an empty log', 30_000);
  await showScreen(page, '#/log', 'Event log');
  await row(page, 5_000).waitFor();
  // Only the rows on screen (and a few either side) are in the page.
  expect(await events(page).count()).toBeLessThan(40);

  await page.getByLabel('Go to event number').fill('2345');
  await page.getByRole('button', { name: 'Go', exact: true }).last().click();
  await row(page, 2345).waitFor();
  expect(await events(page).count()).toBeLessThan(40);

  // Scrolling to the very end reaches the first event.
  await page.getByRole('region', { name: 'Events, newest first' }).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await row(page, 1).waitFor();
  await page.getByText('The first event of the log.').waitFor();

  await page.getByLabel('Type').selectOption({ label: 'Account opened' });
  await page.getByRole('status').filter({ hasText: '40 matching events in the whole log.' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
