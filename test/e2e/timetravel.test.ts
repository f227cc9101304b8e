import { expect, test } from 'vitest';
import { saveScreenshots, useChromium } from './support/browser.ts';
import { balanceOf, historyContext, openRewind, showScreen, withSmallLedger } from './support/ledgerFiles.ts';
import { actionChoice, commandForm, toast } from './support/screens.ts';
import { openTimeTravel } from './support/modes.ts';

const browser = useChromium();

test('time travel to an earlier point shows the balances as they were, disables commands, steps, and comes back to now', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await openTimeTravel(page);
  const slider = page.getByRole('slider', { name: 'Time travel' });
  const banner = page.getByRole('status').filter({ hasText: 'Viewing the past' });
  // The event's time is read from the log after the slider appears; a screen reader hears it once it is there.
  await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('event 15 of 15, Jan 15, 2026, 10:00 AM');

  // Five events back: both accounts verified, before Alice's withdrawal.
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await banner.filter({ hasText: 'Viewing the past: event 10 of 15, Jan 7, 2026, 12:00 PM' }).waitFor();
  expect(await slider.inputValue()).toBe('10');
  await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('event 10 of 15, Jan 7, 2026, 12:00 PM');
  expect(await balanceOf(page, 'Alice Example')).toBe('€100.00');
  expect(await balanceOf(page, 'Bob Example')).toBe('€50.00');
  await saveScreenshots(page, 'timetravel-banner');

  // Commands are disabled in the past, on every screen.
  expect(await page.getByRole('button', { name: 'Open account', exact: true }).isDisabled()).toBe(true);
  await showScreen(page, `#/accounts/${ledger.alice}`, 'Alice Example');
  await actionChoice(page, 'Withdraw').click();
  expect(await commandForm(page, 'Withdraw').getByRole('button', { name: 'Withdraw', exact: true }).isDisabled()).toBe(true);
  await actionChoice(page, 'Add funds').click();
  expect(await commandForm(page, 'Add funds').getByRole('button', { name: 'Add funds', exact: true }).isDisabled()).toBe(true);
  await showScreen(page, '#/accounts', 'Accounts');

  // One event forward is the withdrawal; one back undoes it.
  await page.getByRole('button', { name: 'Step forward one event' }).click();
  await banner.filter({ hasText: `event ${ledger.withdrawalSeq} of 15, Jan 10, 2026, 10:00 AM` }).waitFor();
  expect(await balanceOf(page, 'Alice Example')).toBe('€80.00');
  await page.getByRole('button', { name: 'Step back one event' }).click();
  await banner.filter({ hasText: 'event 10 of 15' }).waitFor();
  expect(await balanceOf(page, 'Alice Example')).toBe('€100.00');

  // The start is before the first event: no accounts at all.
  await page.getByRole('button', { name: 'Jump to start' }).click();
  await banner.filter({ hasText: 'Viewing the past: event 0 of 15, before the first event' }).waitFor();
  expect(await page.getByRole('link').filter({ hasText: 'Alice Example' }).count()).toBe(0);

  // Back to now: the banner goes, the slider is at the end, the balances are today's.
  await page.getByRole('button', { name: 'Back to now' }).click();
  await banner.waitFor({ state: 'detached' });
  expect(await slider.inputValue()).toBe('15');
  expect(await balanceOf(page, 'Alice Example')).toBe('€50.00');
  expect(await balanceOf(page, 'Bob Example')).toBe('€90.00');
  expect(await page.getByRole('button', { name: 'Open account', exact: true }).isDisabled()).toBe(false);
  expect(problems).toEqual([]);
  await context.close();
});

test('the date-time picker jumps to a moment, and the banner counts events other tabs record meanwhile', async () => {
  const { ledger, context, page, problems } = await withSmallLedger(browser());
  await openTimeTravel(page);
  await page.getByLabel('Jump to a time').fill('2026-01-06T12:00:00');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Viewing the past' });
  // Bob's account was opened on 6 January at 10:00 (its verification message queued a minute later).
  await banner.filter({ hasText: 'Viewing the past: event 8 of 15, Jan 6, 2026, 10:01 AM' }).waitFor();
  expect(await balanceOf(page, 'Bob Example')).toBe('€50.00');
  expect(await balanceOf(page, 'Alice Example')).toBe('€100.00');
  // The outbox as it was then (it follows the jump's first screen a moment later): both verification messages
  // still wait, Bob's queued at 10:01. Now one does; a jump on the Outbox screen shows the two again.
  await showScreen(page, '#/outbox', 'Outbox');
  const waiting = page.getByRole('heading', { name: /^Waiting to be sent/ });
  await waiting.filter({ hasText: '(2)' }).waitFor();
  await page.getByText('Queued Jan 6, 2026, 10:01 AM').waitFor();
  await page.getByRole('button', { name: 'Back to now' }).click();
  await banner.waitFor({ state: 'detached' });
  await waiting.filter({ hasText: '(1)' }).waitFor();
  await page.getByLabel('Jump to a time').fill('2026-01-06T12:00:00');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await banner.filter({ hasText: 'event 8 of 15' }).waitFor();
  await waiting.filter({ hasText: '(2)' }).waitFor();
  await showScreen(page, '#/accounts', 'Accounts');

  // Another tab adds funds to Bob's account: the live log moves on, the past stays on screen.
  const other = await openRewind(context, `#/accounts/${ledger.bob}`);
  const addFunds = other.page.getByRole('form', { name: 'Add funds' });
  await addFunds.getByLabel('Amount (EUR)').fill('5.00');
  await addFunds.getByRole('button', { name: 'Add funds' }).click();
  await toast(other.page).filter({ hasText: 'Added €5.00.' }).waitFor();
  await banner.filter({ hasText: 'event 8 of 16' }).waitFor();
  await banner.filter({ hasText: '1 new event since you started viewing the past.' }).waitFor();
  expect(await balanceOf(page, 'Bob Example')).toBe('€50.00');

  await page.getByRole('button', { name: 'Back to now' }).click();
  await banner.waitFor({ state: 'detached' });
  await page.getByRole('link').filter({ hasText: 'Bob Example' }).filter({ hasText: '€95.00' }).waitFor();
  expect([...problems, ...other.problems]).toEqual([]);
  await context.close();
});

test('the controls fold away behind the header’s "Time travel" button', async () => {
  const context = await historyContext(browser(), 'phone');
  const { page, problems } = await openRewind(context);
  const toggle = page.getByRole('button', { name: 'Time travel', exact: true });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByRole('slider', { name: 'Time travel' }).count()).toBe(0);
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await page.getByRole('slider', { name: 'Time travel' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
