import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { balances, historyContext, importThroughUi, openRewind, showScreen } from './support/ledgerFiles.ts';
import { dispatch } from './support/reliability.ts';
import type { BrowserContext } from 'playwright-core';

// A log an earlier version of Rewind wrote, opened as a person would: imported, reloaded, read, added to.
// Logs of a newer version: filesVersions, eventlogVersions and categories.test.ts.
const browser = useChromium();
const fixtures = join(import.meta.dirname, '../fixtures');
const expected = JSON.parse(readFileSync(join(fixtures, 'schema-1/expected.json'), 'utf8')) as Record<
  string,
  { total: number; accounts: { accountNumber: string; owner: string; balance: number; status: string }[]; moneyMovedByMonthUtc: { period: string; amount: number }[] }
>;
const euros = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

test('a log Rewind 0.1.0 exported, before categories, opens with the balances and reports it showed, and takes new movements beside the old', async () => {
  context = await historyContext(browser());
  const { page, problems } = await openRewind(context);
  await importThroughUi(page, join(fixtures, 'schema-1/household.ndjson'), 'Into an empty log', 30_000);
  const household = expected.household!;
  const shown = Object.fromEntries(household.accounts.map((a) => [a.owner, euros(a.balance)]));
  expect(await balances(page)).toEqual(shown);

  // Reloaded, the tab boots from the stored log (and the snapshots it wrote of it): the same figures.
  await page.reload();
  expect(await balances(page)).toEqual(shown);

  await showScreen(page, '#/reports', 'Reports');
  const moved = page.getByRole('region', { name: 'Money moved' });
  const allTime = household.moneyMovedByMonthUtc.reduce((sum, m) => sum + m.amount, 0);
  await expect.poll(() => moved.locator('tfoot').textContent()).toBe(`All time${euros(allTime)}`);

  // Every movement of 0.1.0 reads as Uncategorized; a new one carries the category it is given.
  const mia = household.accounts.find((a) => a.owner === 'Mia Okafor-Lind')!;
  await page.goto(new URL(`?e2e#/accounts/${mia.accountNumber}`, page.url()).href);
  await page.getByRole('heading', { name: 'Mia Okafor-Lind', level: 1 }).waitFor();
  await page.locator('.history-line').filter({ hasText: 'Uncategorized' }).first().waitFor();
  const outcome = await dispatch(page, { type: 'Withdraw', account: mia.accountNumber, amount: 1_00, category: 'Leisure', note: 'Comics' });
  expect(outcome).toMatchObject({ ok: true });
  await page.locator('.history-line').filter({ hasText: 'Comics' }).filter({ hasText: 'Leisure' }).waitFor();
  expect(await balances(page)).toEqual({ ...shown, 'Mia Okafor-Lind': euros(mia.balance - 1_00) });
  expect(problems).toEqual([]);
});
