import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { historyContext, openRewind, showScreen } from './support/ledgerFiles.ts';
import { accountRow, goToAccount, loadSampleData, mainTab, openAccount, submitAmount } from './support/screens.ts';

const browser = useChromium();

const startOver = (page: Page) => page.getByRole('region', { name: 'Start over' });
const emptyLedger = (page: Page) => page.getByRole('heading', { name: 'Your ledger is empty' });

/** One event back on the time-travel slider (opening the control first where it is folded away). */
async function viewThePast(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Time travel' });
  if (!(await slider.isVisible())) await page.getByRole('button', { name: 'Time travel', exact: true }).click();
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
}

test('phone: the sample leaves nothing waiting in the Outbox; removing it offers an export, confirms, and the backup brings it back', async () => {
  const context = await historyContext(browser(), 'phone');
  const { page, problems } = await openRewind(context);
  await loadSampleData(page);
  await mainTab(page, 'Outbox').click();
  await page.getByRole('heading', { name: 'Waiting to be sent (0)' }).waitFor();
  await page.getByText('Nothing waits to be sent.').waitFor();

  await showScreen(page, '#/data', 'Data');
  const panel = startOver(page);
  // Only sample data: the one offer is to remove it, with no word about mixed events.
  expect(await panel.getByRole('button', { name: 'Erase this ledger…' }).count()).toBe(0);
  await panel.getByRole('button', { name: 'Remove the sample data…' }).click();
  const ask = panel.getByRole('heading', { name: 'Keep a copy first?' });
  await ask.waitFor();
  expect(await ask.evaluate((h) => h === document.activeElement)).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export the log' }).click()]);
  await panel.getByRole('status').filter({ hasText: /^Exported [\d,]+ events/ }).waitFor();
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
  const { eventCount } = JSON.parse(lines[0]!) as { eventCount: number };
  expect(lines.slice(1).every((line) => (JSON.parse(line) as { meta: { sample?: boolean } }).meta.sample === true)).toBe(true);

  await panel.getByRole('button', { name: 'Continue' }).click();
  await panel.getByRole('heading', { name: 'Remove the sample data?' }).waitFor();
  expect(await panel.innerText()).toContain(`${eventCount.toLocaleString('en-US')} events and 6 accounts will go from this device. A backup is kept`);
  // What the page shows between the click and the reload, noted where it outlives the reload.
  await page.evaluate(() =>
    new MutationObserver(() => {
      const card = document.querySelector('.reopening');
      if (card) sessionStorage.setItem('e2e:reopening', card.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true }),
  );
  await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: 'Remove the sample data', exact: true }).click()]);
  await emptyLedger(page).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('e2e:reopening'))).toContain('Opening the empty ledger…');
  expect(await page.locator('.reopening').count()).toBe(0);
  expect(await accountRow(page, 'Ana Okafor-Lind').count()).toBe(0);
  await mainTab(page, 'Outbox').click();
  await page.getByRole('heading', { name: 'Waiting to be sent (0)' }).waitFor();

  // Restore brings the sample back, every event of it.
  await showScreen(page, '#/data', 'Data');
  await page.getByText(/^Removed the sample data \([\d,]+ events\)\./).waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Restore previous log' }).click()]);
  await showScreen(page, '#/accounts', 'Accounts');
  await accountRow(page, 'Ana Okafor-Lind').waitFor();
  await page.getByText(`${eventCount.toLocaleString('en-US')} events in the log`).waitFor();

  // With the person's own events after the sample, only the whole ledger can go, and the panel says why.
  await openAccount(page, 'Dana Newcomer', 'dana@example.org', '300.00');
  await showScreen(page, '#/data', 'Data');
  await startOver(page).getByRole('button', { name: 'Erase this ledger…' }).waitFor();
  expect(await startOver(page).getByRole('button', { name: 'Remove the sample data…' }).count()).toBe(0);
  await startOver(page).getByText('Your own events are mixed with the sample data: removing only the sample would rewrite history').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('desktop: erasing a ledger with a person’s own account empties it, events recorded while deciding stop it, and a second tab follows', async () => {
  const context = await historyContext(browser(), 'desktop');
  const { page, problems } = await openRewind(context);
  await openAccount(page, 'Dana Newcomer', 'dana@example.org', '300.00');
  const { page: other } = await openRewind(context);
  await accountRow(other, 'Dana Newcomer').waitFor();

  await showScreen(page, '#/data', 'Data');
  const panel = startOver(page);
  // While the screens show the past, the panel says to go back to now first.
  await viewThePast(page);
  await panel.getByText('You are viewing the past. Go back to now first').waitFor();
  expect(await panel.getByRole('button').count()).toBe(0);
  await page.getByRole('button', { name: 'Back to now' }).click();
  expect(await panel.getByRole('button', { name: 'Remove the sample data…' }).count()).toBe(0);
  expect(await panel.getByText(/mixed with the sample data/).count()).toBe(0);
  await panel.getByRole('button', { name: 'Erase this ledger…' }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  await panel.getByRole('heading', { name: 'Erase this ledger?' }).waitFor();
  const events = Number(/([\d,]+) events and 1 account will go/.exec(await panel.innerText())![1]!.replace(/,/g, ''));
  expect(events).toBeGreaterThan(2);
  // Cancel changes nothing.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Erase this ledger…' }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  // A deposit recorded in the other tab while the confirmation is open is not part of what the person saw:
  // nothing is erased, the panel goes back to the export step, and the next confirmation names the new count.
  await goToAccount(other, 'Dana Newcomer');
  await submitAmount(other, 'Add funds', '5.00');
  await panel.getByText('Events were recorded while you were deciding, so nothing was erased').waitFor();
  await panel.getByRole('heading', { name: 'Keep a copy first?' }).waitFor();
  await panel.getByRole('button', { name: 'Continue' }).click();
  await panel.getByRole('button', { name: `Erase ${events + 1} events` }).waitFor();
  await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: `Erase ${events + 1} events` }).click()]);
  await emptyLedger(page).waitFor();
  // The other tab hears the log was switched: it stops saving to the old one and offers a reload.
  const banner = other.getByRole('alert').filter({ hasText: 'The log was replaced' });
  await Promise.all([other.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  // That tab was on Dana's account screen: the account is gone with the ledger.
  await other.getByText('There is no account with this number.').waitFor();
  await other.getByRole('link', { name: 'All accounts' }).click();
  await emptyLedger(other).waitFor();
  expect(await accountRow(other, 'Dana Newcomer').count()).toBe(0);
  await showScreen(page, '#/data', 'Data');
  await page.getByRole('button', { name: 'Restore previous log' }).waitFor();
  // An empty ledger has nothing to erase.
  expect(await startOver(page).count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
}, 90_000); // two tabs, a deposit and two reloads
