import { describe, expect, test } from 'vitest';
import { commandProblems, decide, DomainError, foldEvents, MAX_BALANCE, parseCommand, seededRandom, type LedgerEvent } from '../../../src/domain/index.ts';
import { describeError } from '../../../src/ui/components/describeError.ts';

// Each refusal that depends on the ledger's state, as the decider makes it, in the words a person reads.

const DANA = '8694933738108836';
const EVA = '1111222233334444';
const OWNERS: Record<string, string> = { [DANA]: 'Dana Newcomer', [EVA]: 'Eva Lindqvist' };
const ownerOf = (number: string) => OWNERS[number];

const opened = (accountNumber: string, email: string): LedgerEvent[] => [
  { type: 'AccountOpened', payload: { accountNumber, owner: OWNERS[accountNumber]!, email } },
  { type: 'EmailReserved', payload: { email, accountNumber } },
];
const codeSent = (accountNumber: string): LedgerEvent => ({
  type: 'VerificationMessageQueued',
  payload: { accountNumber, messageId: `m-${accountNumber}`, to: 'x@example.org', recipient: 'X', subject: 's', body: 'b', code: '424242', link: '#' },
});
const verified = (accountNumber: string): LedgerEvent => ({ type: 'AccountVerified', payload: { accountNumber } });
const added = (accountNumber: string, amount: number): LedgerEvent => ({ type: 'FundsAdded', payload: { accountNumber, amount, category: 'Uncategorized' } });
const closed = (accountNumber: string): LedgerEvent => ({ type: 'AccountClosed', payload: { accountNumber } });

const dana = [...opened(DANA, 'dana@example.org'), codeSent(DANA), verified(DANA), added(DANA, 30_000)];
const eva = [...opened(EVA, 'eva@example.org')];

function refusal(events: LedgerEvent[], command: unknown): DomainError {
  try {
    decide(parseCommand(command), foldEvents(events), { random: seededRandom(1) });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the command was not refused');
}

const NBSP = /[\u00a0\u202f]/g;
function say(error: DomainError, locale: string, owners = ownerOf) {
  return describeError(error, { ownerOf: owners, locale }).message.replace(NBSP, ' ');
}

const cases: { code: string; events: LedgerEvent[]; command: unknown; en: string; de: string }[] = [
  {
    code: 'INSUFFICIENT_FUNDS',
    events: dana,
    command: { type: 'Withdraw', account: DANA, amount: 500_000 },
    en: 'Dana Newcomer has €300.00: enter €300.00 or less.',
    de: 'Dana Newcomer has 300,00 €: enter 300,00 € or less.',
  },
  {
    code: 'INSUFFICIENT_FUNDS',
    events: [...dana, { type: 'FundsWithdrawn', payload: { accountNumber: DANA, amount: 30_000 , category: 'Uncategorized'} }],
    command: { type: 'Transfer', from: DANA, to: EVA, amount: 100 },
    en: 'Dana Newcomer has €0.00: add funds before taking money out.',
    de: 'Dana Newcomer has 0,00 €: add funds before taking money out.',
  },
  {
    code: 'NOT_VERIFIED',
    events: [...eva, added(EVA, 100)],
    command: { type: 'Withdraw', account: EVA, amount: 100 },
    en: 'Eva Lindqvist’s account 1111 2222 3333 4444 is not verified yet: verify it with the code from the Outbox first.',
    de: 'Eva Lindqvist’s account 1111 2222 3333 4444 is not verified yet: verify it with the code from the Outbox first.',
  },
  {
    code: 'NONZERO_BALANCE',
    events: [...eva, added(EVA, 1_200_000)],
    command: { type: 'CloseAccount', account: EVA },
    en: 'Close needs a balance of €0.00: Eva Lindqvist has €12,000.00; withdraw or transfer it first.',
    de: 'Close needs a balance of 0,00 €: Eva Lindqvist has 12.000,00 €; withdraw or transfer it first.',
  },
  {
    code: 'BALANCE_TOO_LARGE',
    events: [...eva, added(EVA, MAX_BALANCE - 123_456)],
    command: { type: 'AddFunds', account: EVA, amount: 200_000 },
    en: 'Eva Lindqvist’s account 1111 2222 3333 4444 can take at most €1,234.56 more: enter €1,234.56 or less.',
    de: 'Eva Lindqvist’s account 1111 2222 3333 4444 can take at most 1.234,56 € more: enter 1.234,56 € or less.',
  },
  {
    code: 'ACCOUNT_NOT_FOUND',
    events: dana,
    command: { type: 'Transfer', from: DANA, to: '9999888877776666', amount: 100 },
    en: 'No account has the number 9999 8888 7777 6666: check the receiving account’s number.',
    de: 'No account has the number 9999 8888 7777 6666: check the receiving account’s number.',
  },
  {
    code: 'ACCOUNT_NOT_FOUND',
    events: dana,
    command: { type: 'AddFunds', account: '9999888877776666', amount: 100 },
    en: 'No account has the number 9999 8888 7777 6666: check the number.',
    de: 'No account has the number 9999 8888 7777 6666: check the number.',
  },
  {
    code: 'ACCOUNT_CLOSED',
    events: [...eva, closed(EVA)],
    command: { type: 'AddFunds', account: EVA, amount: 100 },
    en: 'Eva Lindqvist’s account 1111 2222 3333 4444 is closed and takes no more changes: choose an open account.',
    de: 'Eva Lindqvist’s account 1111 2222 3333 4444 is closed and takes no more changes: choose an open account.',
  },
  {
    code: 'SAME_ACCOUNT',
    events: dana,
    command: { type: 'Transfer', from: DANA, to: DANA, amount: 100 },
    en: 'Money cannot go to the account it comes from: choose another receiving account.',
    de: 'Money cannot go to the account it comes from: choose another receiving account.',
  },
  {
    code: 'ALREADY_VERIFIED',
    events: dana,
    command: { type: 'VerifyAccount', account: DANA, code: '424242' },
    en: 'Dana Newcomer’s account 8694 9337 3810 8836 is already verified: nothing more to do.',
    de: 'Dana Newcomer’s account 8694 9337 3810 8836 is already verified: nothing more to do.',
  },
  {
    code: 'NO_CODE_YET',
    events: eva,
    command: { type: 'VerifyAccount', account: EVA, code: '424242' },
    en: 'No verification code has been sent for Eva Lindqvist’s account 1111 2222 3333 4444 yet: wait for its message in the Outbox, then enter the code from it.',
    de: 'No verification code has been sent for Eva Lindqvist’s account 1111 2222 3333 4444 yet: wait for its message in the Outbox, then enter the code from it.',
  },
  {
    code: 'WRONG_CODE',
    events: [...eva, codeSent(EVA)],
    command: { type: 'VerifyAccount', account: EVA, code: '111111' },
    en: 'That is not the code sent for Eva Lindqvist’s account 1111 2222 3333 4444: check the newest verification message in the Outbox and try again.',
    de: 'That is not the code sent for Eva Lindqvist’s account 1111 2222 3333 4444: check the newest verification message in the Outbox and try again.',
  },
  {
    code: 'EMAIL_TAKEN',
    events: dana,
    command: { type: 'OpenAccount', owner: 'Someone', email: 'DANA@example.org' },
    en: 'DANA@example.org is already used by Dana Newcomer’s account 8694 9337 3810 8836: enter another e-mail address.',
    de: 'DANA@example.org is already used by Dana Newcomer’s account 8694 9337 3810 8836: enter another e-mail address.',
  },
  {
    code: 'MESSAGE_NOT_FOUND',
    events: dana,
    command: { type: 'MarkMessageSent', account: DANA, messageId: 'nope' },
    en: 'Dana Newcomer’s account 8694 9337 3810 8836 has no such message: it may belong to a what-if branch or another log.',
    de: 'Dana Newcomer’s account 8694 9337 3810 8836 has no such message: it may belong to a what-if branch or another log.',
  },
  {
    code: 'ALREADY_SENT',
    events: [...dana, { type: 'MessageSent', payload: { accountNumber: DANA, messageId: `m-${DANA}` } }],
    command: { type: 'MarkMessageSent', account: DANA, messageId: `m-${DANA}` },
    en: 'That message is already marked as sent: nothing more to do.',
    de: 'That message is already marked as sent: nothing more to do.',
  },
];

describe.each(cases)('$code', ({ code, events, command, en, de }) => {
  test(`en-US: ${en}`, () => {
    const error = refusal(events, command);
    expect(error.code).toBe(code);
    expect(say(error, 'en-US')).toBe(en);
  });
  test('de-DE writes the numbers the German way, the words stay English', () => {
    expect(say(refusal(events, command), 'de-DE')).toBe(de);
  });
});

describe('without a known owner', () => {
  test('the grouped account number stands in for the name', () => {
    const error = refusal(dana, { type: 'Withdraw', account: DANA, amount: 500_000 });
    expect(say(error, 'en-US', () => undefined)).toBe('Account 8694 9337 3810 8836 has €300.00: enter €300.00 or less.');
    const unverified = refusal([...eva, added(EVA, 100)], { type: 'Withdraw', account: EVA, amount: 100 });
    expect(say(unverified, 'en-US', () => undefined)).toBe(
      'Account 1111 2222 3333 4444 is not verified yet: verify it with the code from the Outbox first.',
    );
  });
});

describe('an account a newer Rewind changed', () => {
  // As the decider words it (src/domain/accounts/decider.ts): the account at fault, and its role in a transfer.
  const own = new DomainError('NEEDS_NEWER_VERSION', 'Account … has changes recorded by a newer version of Rewind.', 'account', { accountNumber: DANA });
  const receiving = new DomainError('NEEDS_NEWER_VERSION', 'Account … has changes recorded by a newer version of Rewind.', 'to', {
    accountNumber: EVA,
    role: 'receiving',
  });
  test('names the owner and says to update Rewind', () => {
    expect(say(own, 'en-US')).toBe(
      'Dana Newcomer’s account 8694 9337 3810 8836 has changes recorded by a newer version of Rewind: update Rewind to change it.',
    );
    expect(say(receiving, 'de-DE')).toBe(
      'Eva Lindqvist’s account 1111 2222 3333 4444 has changes recorded by a newer version of Rewind: update Rewind to send money to it.',
    );
    expect(describeError(receiving, { ownerOf }).field).toBe('to');
  });
  test('without a known owner, the grouped number', () => {
    expect(say(own, 'en-US', () => undefined)).toBe(
      'Account 8694 9337 3810 8836 has changes recorded by a newer version of Rewind: update Rewind to change it.',
    );
  });
});

describe('a category that cannot be used', () => {
  const problem = (category: unknown) => commandProblems({ type: 'AddFunds', account: DANA, amount: 100, category })[0]!;
  test('too long: the limit in the locale’s digits, under the Category field', () => {
    const tooLong = problem('x'.repeat(41));
    expect(tooLong.code).toBe('INVALID_CATEGORY');
    expect(describeError(tooLong, { locale: 'en-US' })).toEqual({ message: 'A category has at most 40 characters: shorten it.', field: 'category' });
    expect(say(tooLong, 'ar-EG')).toBe('A category has at most ٤٠ characters: shorten it.');
  });
  test('blank or on several lines: what to type instead', () => {
    for (const category of ['  ', 'Rent\nand bills'])
      expect(describeError(problem(category), { locale: 'en-US' }).message).toBe('Type the category on one line, or leave it empty for Uncategorized.');
  });
});

describe('the rest', () => {
  test('the field at fault stays with the words', () => {
    const error = refusal(dana, { type: 'Withdraw', account: DANA, amount: 500_000 });
    expect(describeError(error, { ownerOf, locale: 'en-US' }).field).toBe('amount');
  });
  test('a refusal without state keeps its own plain message', () => {
    const error = new DomainError('CONFLICT', 'Other changes kept arriving; nothing was written. Please try again.');
    expect(describeError(error).message).toBe(error.message);
  });
  test('an unexpected error says nothing was recorded', () => {
    expect(describeError(new Error('disk on fire')).message).toBe('This could not be recorded: disk on fire');
  });
});
