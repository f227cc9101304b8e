import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { waitForApp } from './support/browser.ts';
import { problemOf } from './support/forms.ts';
import { openTimeTravel } from './support/modes.ts';
import {
  accountBalance,
  accountRow,
  chooseAction,
  closeAccount,
  commandForm,
  goToAccount,
  mainTab,
  moneyInSystem,
  openAccount,
  screenshotScreen,
  submitAmount,
  toast,
  transferOption,
  useLedgerPage,
  type LedgerPage,
} from './support/screens.ts';

const ledgerPage = useLedgerPage();
let app: LedgerPage;
let page: Page;

beforeAll(() => {
  app = ledgerPage();
  page = app.page;
});

const form = (name: string) => commandForm(page, name);
const tab = (name: string) => mainTab(page, name);

const balance = () => accountBalance(page);

test('three accounts open from the form; a taken e-mail is refused in plain words and the form keeps what was typed', async () => {
  await page.getByRole('heading', { name: 'Your ledger is empty' }).waitFor();
  await openAccount(page, 'Ada Lovelace', 'ada@example.org', '150.00');
  await openAccount(page, 'Grace Hopper', 'grace@example.org');
  await openAccount(page, 'Alan Turing', 'alan@example.org', '20');

  await expect.poll(() => page.locator('.account-list > li').count()).toBe(3);
  expect(await accountRow(page, 'Ada Lovelace').textContent()).toContain('€150.00');
  expect(await accountRow(page, 'Grace Hopper').textContent()).toContain('€0.00');
  expect(await accountRow(page, 'Alan Turing').textContent()).toContain('Not verified');
  expect(await moneyInSystem(page).textContent()).toBe('€170.00');
  // Numbers read in groups of four.
  expect(await accountRow(page, 'Ada Lovelace').locator('.account-number').textContent()).toMatch(/^[1-9]\d{3}( \d{4}){3}$/);

  const open = form('Open an account');
  await open.getByLabel('Owner').fill('Ada Again');
  await open.getByLabel('E-mail').fill('ADA@example.org');
  await open.getByLabel('Initial deposit, optional (EUR)').fill('5');
  await open.getByRole('button', { name: 'Open account', exact: true }).click();
  await expect
    .poll(() => problemOf(open.getByLabel('E-mail')))
    .toMatch(/^ADA@example\.org is already used by Ada Lovelace’s account \d{4} \d{4} \d{4} \d{4}: enter another e-mail address\.$/);
  expect(await open.getByLabel('Owner').inputValue()).toBe('Ada Again');
  expect(await open.getByLabel('E-mail').inputValue()).toBe('ADA@example.org');
  expect(await open.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
  expect(await open.getByLabel('Initial deposit, optional (EUR)').inputValue()).toBe('5');
  expect(await page.locator('.account-list > li').count()).toBe(3);

  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('grace');
  await expect.poll(() => page.locator('.account-list > li').count()).toBe(1);
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('');
});

test('the verification link in the Outbox verifies the account', async () => {
  await tab('Outbox').click();
  const message = page.getByRole('article').filter({ hasText: 'To Ada Lovelace <ada@example.org>' });
  await message.getByRole('heading', { name: 'Verify your Rewind account' }).waitFor();
  // "Send" is a mailto: link built from the message's own fields.
  const mailto = await message.getByRole('link', { name: 'Send', exact: true }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:ada@example\.org\?subject=Verify%20your%20Rewind%20account&body=Hello%20Ada%20Lovelace/);
  expect(decodeURIComponent(mailto!)).toMatch(/#\/verify\?account=\d{16}&code=\d{6}$/);

  await message.getByRole('link', { name: 'Open the verification link' }).click();
  await page.getByText(/^Account \d{4} \d{4} \d{4} \d{4} \(Ada Lovelace\) is verified\./).waitFor();
  await page.getByRole('link', { name: 'Go to the account' }).click();
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  await page.locator('.account-header').getByText('Verified', { exact: true }).waitFor();
});

test('rule errors show next to the form in plain words, and nothing typed is lost', async () => {
  await goToAccount(page, 'Grace Hopper');
  await submitAmount(page, 'Add funds', '50');
  await toast(page).filter({ hasText: 'Added €50.00.' }).waitFor();
  await expect.poll(() => balance().textContent()).toBe('€50.00');

  await submitAmount(page, 'Withdraw', '10', 'Pocket money');
  const withdraw = form('Withdraw');
  await expect.poll(() => withdraw.getByRole('alert').textContent()).toMatch(/^Grace Hopper’s account \d{4} \d{4} \d{4} \d{4} is not verified yet: verify it with the code from the Outbox first\.$/);
  expect(await withdraw.getByLabel('Amount (EUR)').inputValue()).toBe('10');
  expect(await withdraw.getByLabel('Note, optional').inputValue()).toBe('Pocket money');

  await closeAccount(page);
  await expect
    .poll(() => form('Close account').getByRole('alert').textContent())
    .toBe('Close needs a balance of €0.00: Grace Hopper has €50.00; withdraw or transfer it first.');
  await page.getByRole('button', { name: 'Keep the account' }).click();

  await goToAccount(page, 'Ada Lovelace');
  await submitAmount(page, 'Withdraw', '500');
  await expect.poll(() => problemOf(form('Withdraw').getByLabel('Amount (EUR)'))).toBe('Ada Lovelace has €150.00: enter €150.00 or less.');
  expect(await form('Withdraw').getByLabel('Amount (EUR)').inputValue()).toBe('500');

  await submitAmount(page, 'Add funds', '12.345');
  await expect
    .poll(() => problemOf(form('Add funds').getByLabel('Amount (EUR)')))
    .toBe('"12.345" has more than two decimals: an amount is whole cents, such as 12.34.');
  expect(await balance().textContent()).toBe('€150.00');
  await screenshotScreen(page, 'account-rule-error');
});

test('add funds, withdraw and transfer update balances, history and the outbox', async () => {
  await submitAmount(page, 'Add funds', '25.50');
  await expect.poll(() => balance().textContent()).toBe('€175.50');
  await submitAmount(page, 'Withdraw', '5.50', 'Coffee');
  await expect.poll(() => balance().textContent()).toBe('€170.00');
  // The history is read from the account's stream, so its newest line lands just after the balance.
  const newest = page.locator('.history-line').first();
  await expect.poll(() => newest.textContent()).toContain('Withdrawal');
  expect(await newest.textContent()).toContain('Coffee');
  expect(await newest.textContent()).toContain('-€5.50');

  const transfer = form('Transfer');
  await chooseAction(page, 'Transfer');
  await transfer.getByLabel('To').selectOption({ label: (await transferOption(page, 'Alan Turing')) ?? '' });
  await submitAmount(page, 'Transfer', '70', 'Books');
  await toast(page).filter({ hasText: 'Sent €70.00 to Alan Turing.' }).waitFor();
  await expect.poll(() => balance().textContent()).toBe('€100.00');
  await expect.poll(() => page.locator('.history-line').first().textContent()).toMatch(/^Transfer to Alan Turing\s*Category: Uncategorized\s*Books/);

  await goToAccount(page, 'Alan Turing');
  expect(await balance().textContent()).toBe('€90.00');
  await expect.poll(() => page.locator('.history-line').first().textContent()).toMatch(/^Transfer from Ada Lovelace\s*Category: Uncategorized\s*Books/);

  await tab('Outbox').click();
  const notice = page.getByRole('article').filter({ hasText: 'You withdrew €5.50' });
  await notice.getByRole('button', { name: 'Mark as sent' }).click();
  await page
    .getByRole('region', { name: /^Sent/ })
    .getByRole('article')
    .filter({ hasText: 'You withdrew €5.50' })
    .waitFor();
  await screenshotScreen(page, 'outbox-after-sending');
});

test('while viewing the past the command forms are disabled with a note; back to now they work again', async () => {
  await goToAccount(page, 'Ada Lovelace');
  const addFunds = form('Add funds');
  await chooseAction(page, 'Add funds');
  await openTimeTravel(page);
  await page.getByRole('slider', { name: 'Time travel' }).press('ArrowLeft');
  await addFunds.getByText('You are viewing the past: go back to now to make changes, or start a what-if branch.').waitFor();
  expect(await addFunds.getByRole('button', { name: 'Add funds' }).isDisabled()).toBe(true);
  expect(await addFunds.getByLabel('Amount (EUR)').isDisabled()).toBe(true);

  // Two events further back (the transfer's two, after the message marked sent) the past ends before the
  // transfer: the history ends there too, with the balances of then.
  const slider = page.getByRole('slider', { name: 'Time travel' });
  await slider.press('ArrowLeft');
  await slider.press('ArrowLeft');
  await expect.poll(() => balance().textContent()).toBe('€170.00');
  const lines = page.locator('.history-line');
  await expect.poll(() => lines.first().textContent()).toMatch(/^Withdrawal\s*Category: Uncategorized\s*Coffee/);
  expect(await lines.first().locator('.history-balance').textContent()).toBe('Balance €170.00');
  expect(await lines.filter({ hasText: 'Transfer to' }).count()).toBe(0);

  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect.poll(() => addFunds.getByRole('button', { name: 'Add funds' }).isDisabled()).toBe(false);
  expect(await balance().textContent()).toBe('€100.00');
  await expect.poll(() => lines.first().textContent()).toMatch(/^Transfer to Alan Turing\s*Category: Uncategorized\s*Books/);
});

test('a reload rebuilds everything from the log', async () => {
  await page.goto(new URL('#/accounts', page.url()).href);
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => moneyInSystem(page).textContent()).toBe('€240.00');
  expect(await accountRow(page, 'Ada Lovelace').textContent()).toContain('€100.00');
  expect(await accountRow(page, 'Ada Lovelace').textContent()).toContain('Verified');
  expect(await accountRow(page, 'Grace Hopper').textContent()).toContain('€50.00');
  expect(await accountRow(page, 'Alan Turing').textContent()).toContain('€90.00');
  // The footer tells how the boot went once the whole image is in, a moment after the first screen.
  await expect.poll(() => page.locator('.app-footer').textContent()).toMatch(/^\d+ events in the log\. This tab (rebuilt the balances from|opened from a snapshot at event) [\d,]+.* Everything stays on this device\.$/);
  expect(app.problems.join('\n')).toBe('');
});

test('in a what-if branch the history is the branch’s: its own events first, marked hypothetical; discarding brings reality back', async () => {
  await goToAccount(page, 'Ada Lovelace');
  await page.getByRole('button', { name: 'What if…', exact: true }).click();
  await page.getByRole('region', { name: 'What-if branch', exact: true }).waitFor();
  await submitAmount(page, 'Add funds', '30', 'Maybe');
  await expect.poll(() => balance().textContent()).toBe('€130.00');
  const lines = page.locator('.history-line');
  await expect.poll(() => lines.first().textContent()).toMatch(/^Deposit\s*Category: Uncategorized\s*Hypothetical\s*Maybe/);
  expect(await lines.first().locator('.history-balance').textContent()).toBe('Balance €130.00');
  expect(await lines.nth(1).textContent()).toMatch(/^Transfer to Alan Turing\s*Category: Uncategorized\s*Books/);
  expect(await lines.nth(1).locator('.history-balance').textContent()).toBe('Balance €100.00');

  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Discard this branch?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await expect.poll(() => balance().textContent()).toBe('€100.00');
  await expect.poll(() => lines.first().textContent()).toMatch(/^Transfer to Alan Turing\s*Category: Uncategorized\s*Books/);
  expect(await lines.filter({ hasText: 'Hypothetical' }).count()).toBe(0);
  expect(app.problems.join('\n')).toBe('');
});
