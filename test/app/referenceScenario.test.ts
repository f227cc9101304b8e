import { afterEach, beforeEach, expect, test } from 'vitest';
import { getAccount, listAccounts, type AccountsState } from '../../src/domain/index.ts';
import { expectRefused, fold, openLedger, type Ledger } from './testLedger.ts';

let ledger: Ledger;
beforeEach(async () => {
  ledger = await openLedger();
});
afterEach(() => ledger.close());

async function balances(...accounts: string[]): Promise<number[]> {
  const state = fold(await ledger.store.readAll()).accounts as AccountsState;
  return accounts.map((a) => getAccount(state, a)!.balance);
}

test('the reference scenario of the bank example, in order', async () => {
  // Open three accounts.
  const first = await ledger.open('Ada Lovelace', 'ada@example.org', 100_000);
  const second = await ledger.open('Grace Hopper', 'grace@example.org', 100_000);
  const third = await ledger.open('Alan Turing', 'alan@example.org', 50_000);
  expect(new Set([first, second, third]).size).toBe(3);
  for (const n of [first, second, third]) expect(n).toMatch(/^[1-9]\d{15}$/);

  // A duplicate e-mail fails (case-insensitively).
  await expectRefused(ledger, { type: 'OpenAccount', owner: 'Ada again', email: 'ADA@example.org' }, 'EMAIL_TAKEN');

  // Verify two of them; a wrong code and an unknown account fail.
  await ledger.verify(first);
  await ledger.verify(second);
  const code = await ledger.codeOf(third);
  const wrong = code === '000000' ? '111111' : '000000';
  await expectRefused(ledger, { type: 'VerifyAccount', account: third, code: wrong }, 'WRONG_CODE');
  await expectRefused(ledger, { type: 'VerifyAccount', account: '9999999999999999', code }, 'ACCOUNT_NOT_FOUND');

  // Withdraw 100.00 from a 1,000.00 account leaves 900.00.
  await ledger.run({ type: 'Withdraw', account: first, amount: 10_000 });
  expect(await balances(first)).toEqual([90_000]);

  // Withdrawing more than the balance fails; an unverified account cannot withdraw.
  await expectRefused(ledger, { type: 'Withdraw', account: first, amount: 90_001 }, 'INSUFFICIENT_FUNDS');
  await expectRefused(ledger, { type: 'Withdraw', account: third, amount: 100 }, 'NOT_VERIFIED');

  // Transfer 100.00 from the first to the second leaves 800.00 / 1,100.00.
  await ledger.run({ type: 'Transfer', from: first, to: second, amount: 10_000 });
  expect(await balances(first, second)).toEqual([80_000, 110_000]);

  // Transfers that overdraw, or name an unknown sender or receiver, fail.
  await expectRefused(ledger, { type: 'Transfer', from: first, to: second, amount: 80_001 }, 'INSUFFICIENT_FUNDS');
  await expectRefused(ledger, { type: 'Transfer', from: '9999999999999999', to: second, amount: 100 }, 'ACCOUNT_NOT_FOUND');
  await expectRefused(ledger, { type: 'Transfer', from: first, to: '9999999999999999', amount: 100 }, 'ACCOUNT_NOT_FOUND');

  const state = fold(await ledger.store.readAll()).accounts as AccountsState;
  expect(listAccounts(state).map((a) => [a.owner, a.balance, a.verified])).toEqual([
    ['Ada Lovelace', 80_000, true],
    ['Grace Hopper', 110_000, true],
    ['Alan Turing', 50_000, false],
  ]);
});
