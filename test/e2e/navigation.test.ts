import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import { problemOf } from './support/forms.ts';
import {
  accountBalance,
  closeAccount,
  commandForm,
  goToAccount,
  mainTab,
  openAccount,
  submitAmount,
  toast,
  transferOption,
  useLedgerPage,
} from './support/screens.ts';

// One profile for the whole file: the accounts of one test are there in the next.
const ledgerPage = useLedgerPage();
let page: Page;
beforeAll(() => {
  ({ page } = ledgerPage());
});
const form = (name: string) => commandForm(page, name);
const historyLines = () => page.locator('.history-line .history-kind').allTextContents();

/**
 * The account screen shows `owner`'s account and nothing of another: one header, its forms as a fresh page
 * shows them, one history holding exactly `history` (the lines' kinds, newest first), and no form telling
 * of a command.
 */
async function expectOnlyAccount(owner: string, history: string[], forms: string[]) {
  await page.getByRole('heading', { name: owner, level: 1 }).waitFor();
  await expect.poll(historyLines).toEqual(history);
  expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([owner]);
  expect(await page.locator('form.command-form h2').allTextContents()).toEqual(forms);
  expect(await page.locator('.account-history').count()).toBe(1);
  expect(await page.locator('.form-success:not(:empty), .form-problem:not(:empty)').count()).toBe(0);
}

/** Adds funds on the account shown, and checks the toast says so and the balance and history show it. */
async function expectAddFundsWorks(amount: string, said: string, balance: string) {
  const before = (await historyLines()).length;
  await submitAmount(page, 'Add funds', amount);
  await toast(page).filter({ hasText: said }).waitFor();
  await expect.poll(() => accountBalance(page).textContent()).toBe(balance);
  await expect.poll(historyLines).toHaveLength(before + 1);
  expect((await historyLines())[0]).toBe('Deposit');
}

// On a desktop Add funds shows until another action is chosen; on a phone no form is open.
const ALICE_FORMS = ['Add funds'];
// Bob is not verified: his screen also asks for the code.
const BOB_FORMS = ['Verify this account', ...ALICE_FORMS];
const BOB_HISTORY = ['Account opened'];
const ALICE_HISTORY = ['Verified', 'Deposit', 'Account opened'];

test('verifying through the e-mailed link takes its message out of "Waiting to be sent"; other codes still wait', async () => {
  await page.getByRole('heading', { name: 'Your ledger is empty' }).waitFor();
  await openAccount(page, 'Alice Adams', 'alice@example.org', '100');
  await openAccount(page, 'Bob Brown', 'bob@example.org');
  await mainTab(page, 'Outbox').click();
  const waiting = page.getByRole('region', { name: /^Waiting to be sent/ });
  const alices = page.getByRole('article').filter({ hasText: 'To Alice Adams <alice@example.org>' });
  await waiting.getByRole('article').filter({ hasText: 'To Alice Adams' }).getByRole('link', { name: 'Open the verification link' }).click();
  await page.getByText(/^Account \d{4} \d{4} \d{4} \d{4} \(Alice Adams\) is verified\./).waitFor();

  await mainTab(page, 'Outbox').click();
  await waiting.getByRole('article').filter({ hasText: 'To Bob Brown <bob@example.org>' }).waitFor();
  expect(await waiting.getByRole('heading', { level: 2 }).textContent()).toBe('Waiting to be sent (1)');
  // It was never sent, so it is not under "Sent" either: its work is done.
  expect(await alices.count()).toBe(0);
});

test('moving between accounts by a history link, a typed address, Back and Forward shows one account at a time, and its forms work', async () => {
  // On Alice's page: add funds, withdraw and send €30 to Bob, so each of her forms has something to say.
  await goToAccount(page, 'Alice Adams');
  const alice = page.url();
  await submitAmount(page, 'Add funds', '50');
  await toast(page).filter({ hasText: 'Added €50.00.' }).waitFor();
  await submitAmount(page, 'Withdraw', '5.');
  await toast(page).filter({ hasText: 'Withdrew €5.00.' }).waitFor();
  const receiver = (await transferOption(page, 'Bob Brown'))!;
  await form('Transfer').getByLabel('To').selectOption({ label: receiver });
  await submitAmount(page, 'Transfer', '30');
  await toast(page).filter({ hasText: 'Sent €30.00 to Bob Brown.' }).waitFor();
  await expect.poll(() => accountBalance(page).textContent()).toBe('€115.00');
  const aliceHistory = ['Transfer to Bob Brown', 'Withdrawal', 'Deposit', ...ALICE_HISTORY];
  await expect.poll(historyLines).toEqual(aliceHistory);

  // A link in her history: Bob's page, and nothing of Alice's.
  await page.locator('.history-line').getByRole('link', { name: 'Bob Brown' }).click();
  const bobHistory = ['Transfer from Alice Adams', ...BOB_HISTORY];
  await expectOnlyAccount('Bob Brown', bobHistory, BOB_FORMS);
  expect(await accountBalance(page).textContent()).toBe('€30.00');
  await expectAddFundsWorks('.5', 'Added €0.50.', '€30.50');
  const bob = page.url();

  // A typed address: Alice's page, without Bob's message.
  await page.goto(alice);
  await expectOnlyAccount('Alice Adams', aliceHistory, ALICE_FORMS);
  await expectAddFundsWorks('5', 'Added €5.00.', '€120.00');

  // Back, on a phone: Bob's page again, fresh.
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goBack();
  expect(page.url()).toBe(bob);
  await expectOnlyAccount('Bob Brown', ['Deposit', ...bobHistory], ['Verify this account']);
  await expectAddFundsWorks('1', 'Added €1.00.', '€31.50');
  await page.setViewportSize(VIEWPORTS.desktop);

  // Forward: Alice's page again, fresh.
  await page.goForward();
  expect(page.url()).toBe(alice);
  await expectOnlyAccount('Alice Adams', ['Deposit', ...aliceHistory], ALICE_FORMS);
  await expectAddFundsWorks('2', 'Added €2.00.', '€122.00');
  expect(ledgerPage().problems.join('\n')).toBe('');
});

test('closing an account says so on screen and to screen readers', async () => {
  await goToAccount(page, 'Bob Brown');
  await submitAmount(page, 'Add funds', '.', '');
  await expect
    .poll(() => problemOf(form('Add funds').getByLabel('Amount (EUR)')))
    .toBe('"." is not an amount. Use digits with up to two decimals, such as 1,234.56.');

  await page.goto(new URL('#/accounts', page.url()).href);
  await openAccount(page, 'Carol Clark', 'carol@example.org');
  await goToAccount(page, 'Carol Clark');
  await closeAccount(page);
  await toast(page).filter({ hasText: /^Carol Clark’s account \d{4} \d{4} \d{4} \d{4} is closed\.$/ }).waitFor();
  expect(await page.getByRole('form', { name: 'Close account' }).count()).toBe(0);
  expect(await page.locator('.account-header').getByText('Closed', { exact: true }).count()).toBe(1);
});
