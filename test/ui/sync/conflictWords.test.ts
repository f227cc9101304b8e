import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/domain/index.ts';
import { commandAmount, commandWords, competingWords, conflictWords, whenWords, withAmount } from '../../../src/ui/sync/conflictWords.ts';
import { refusedWithdrawal } from '../support/fakeSync.ts';

const ALICE = '1234567812345678';
const BOB = '8765432187654321';
const owners: Record<string, string> = { [ALICE]: 'Alice Smith' };
const ownerOf = (n: string) => owners[n];
// Local times, so the words read the same in every time zone the tests run in.
const local = (day: number, hours: number, minutes: number) => new Date(2026, 11, day, hours, minutes).toISOString();
const en = { ownerOf, locale: 'en-US', now: new Date(2026, 11, 7, 12, 0) };
const de = { ownerOf, locale: 'de-DE', now: new Date(2026, 11, 7, 12, 0) };

describe('a conflict’s command in words', () => {
  it.each([
    [{ type: 'Withdraw', account: ALICE, amount: 3000 }, 'Withdraw €30.00 from Alice Smith’s account'],
    [{ type: 'AddFunds', account: BOB, amount: 125 }, 'Add €1.25 to account 8765 4321 8765 4321'],
    [{ type: 'Transfer', from: ALICE, to: BOB, amount: 100000 }, 'Transfer €1,000.00 from Alice Smith’s account to account 8765 4321 8765 4321'],
    [{ type: 'OpenAccount', owner: 'Dana', email: 'dana@example.org' }, 'Open an account for Dana'],
    [{ type: 'VerifyAccount', account: ALICE, code: '123456' }, 'Verify Alice Smith’s account'],
    [{ type: 'CloseAccount', account: ALICE }, 'Close Alice Smith’s account'],
    [{ type: 'MarkMessageSent', account: ALICE, messageId: 'm1' }, 'Mark a message of Alice Smith’s account as sent'],
  ] as [Command, string][])('%o → %s', (command, words) => {
    expect(commandWords(command, en)).toBe(words);
  });

  it('writes money the person’s way', () => {
    expect(commandWords({ type: 'Withdraw', account: ALICE, amount: 123456 }, de)).toBe('Withdraw 1.234,56\u00a0€ from Alice Smith’s account');
  });
});

describe('when', () => {
  it('is a time today, a date and time on another day', () => {
    expect(whenWords(local(7, 10, 2), { locale: 'en-GB', now: en.now })).toBe('10:02');
    expect(whenWords(local(6, 22, 15), { locale: 'en-GB', now: en.now })).toBe('6 Dec 2026, 22:15');
    expect(whenWords(local(6, 22, 15), { locale: 'de-DE', now: en.now })).toBe('06.12.2026, 22:15');
  });
});

describe('what another device did', () => {
  it.each([
    ['FundsWithdrawn', 5000, 'Laptop withdrew €50.00 from Alice Smith’s account at 10:01 AM'],
    ['FundsAdded', 5000, 'Laptop added €50.00 to Alice Smith’s account at 10:01 AM'],
    ['TransferSent', 5000, 'Laptop transferred €50.00 from Alice Smith’s account at 10:01 AM'],
    ['TransferReceived', 5000, 'Laptop transferred €50.00 to Alice Smith’s account at 10:01 AM'],
    ['AccountClosed', undefined, 'Laptop closed Alice Smith’s account at 10:01 AM'],
    ['AccountRenamed', undefined, 'Laptop changed Alice Smith’s account at 10:01 AM'],
  ])('%s', (type, amount, words) => {
    expect(competingWords({ eventId: 'e1', device: 'Laptop', type, at: local(7, 10, 1), accountNumber: ALICE, amount }, en).replace(/\u202f/g, ' ')).toBe(words);
  });
});

describe('a whole conflict', () => {
  const conflict = refusedWithdrawal(ALICE, {
    at: local(7, 10, 2),
    competing: [{ eventId: 'e1', device: 'Laptop', type: 'FundsWithdrawn', at: local(7, 10, 1), accountNumber: ALICE, amount: 5000 }],
  });

  it('says which command, where and when, what arrived and why it was refused', () => {
    const words = conflictWords(conflict, { ...en, locale: 'en-GB' });
    expect(words).toEqual({
      command: 'Withdraw €30.00 from Alice Smith’s account',
      made: 'on Phone at 10:02',
      arrived: 'Meanwhile Laptop withdrew €50.00 from Alice Smith’s account at 10:01.',
      outcome: 'It was decided again on top of that and refused: Alice Smith has €20.00: enter €20.00 or less.',
    });
  });

  it('words the refusal the app’s way, in the person’s locale, when it carries the decider’s details', () => {
    const reason = { code: 'INSUFFICIENT_FUNDS', message: 'Account 1234567812345678 holds 20.00, less than 30.00.', details: { accountNumber: ALICE, balance: 2000 } };
    expect(conflictWords({ ...conflict, reason }, de).outcome).toBe('It was decided again on top of that and refused: Alice Smith has 20,00\u00a0€: enter 20,00\u00a0€ or less.');
    expect(conflictWords({ ...conflict, reason: { code: 'INSUFFICIENT_FUNDS', message: 'Account holds 20.00.' } }, de).outcome).toBe(
      'It was decided again on top of that and refused: Account holds 20.00.',
    );
  });

  it('or that it was applied after all', () => {
    expect(conflictWords({ ...conflict, outcome: 'applied', reason: undefined }, en).outcome).toBe('It was decided again on top of that and applied after all.');
  });
});

describe('the amount to change and retry', () => {
  it('is the command’s, and goes back where it came from', () => {
    const withdraw: Command = { type: 'Withdraw', account: ALICE, amount: 3000, note: 'rent' };
    expect(commandAmount(withdraw)).toBe(3000);
    expect(withAmount(withdraw, 2000)).toEqual({ type: 'Withdraw', account: ALICE, amount: 2000, note: 'rent' });
    const open: Command = { type: 'OpenAccount', owner: 'Dana', email: 'd@example.org', initialDeposit: 500 };
    expect(commandAmount(open)).toBe(500);
    expect(withAmount(open, undefined)).toEqual({ type: 'OpenAccount', owner: 'Dana', email: 'd@example.org', initialDeposit: undefined });
    const close: Command = { type: 'CloseAccount', account: ALICE };
    expect(commandAmount(close)).toBeUndefined();
    expect(withAmount(close, 100)).toBe(close);
  });
});
