import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_NOTE_CHARS, seededRandom } from '../../../src/domain/index.ts';
import { createCommandHandler } from '../../../src/app/parts.ts';
import { followingHandler, followLog } from '../followLog.ts';
import { expectRefused, openLedger, type Ledger } from '../testLedger.ts';

// Every rule the deciders enforce, one test each: the stable error code, and a log that did not change.

let ledger: Ledger;
let ada: string; // verified, 1,000.00
let bob: string; // verified, 0.00
let cat: string; // unverified, 50.00
beforeEach(async () => {
  ledger = await openLedger();
  ada = await ledger.open('Ada', 'ada@example.org', 100_000);
  bob = await ledger.open('Bob', 'bob@example.org');
  cat = await ledger.open('Cat', 'cat@example.org', 5_000);
  await ledger.verify(ada);
  await ledger.verify(bob);
});
afterEach(() => ledger.close());

const UNKNOWN = '9999999999999999';

describe('e-mail', () => {
  test('must be well-formed', async () => {
    for (const email of ['', 'ada', 'ada@', '@example.org', 'ada@example', 'a b@example.org', 42])
      await expectRefused(ledger, { type: 'OpenAccount', owner: 'X', email }, 'INVALID_EMAIL');
  });
  test('must be unique among open accounts, case-insensitively', async () => {
    await expectRefused(ledger, { type: 'OpenAccount', owner: 'X', email: ' BOB@Example.ORG ' }, 'EMAIL_TAKEN');
  });
  test('is free again once its account is closed', async () => {
    await ledger.run({ type: 'CloseAccount', account: bob });
    const again = await ledger.open('Bob again', 'Bob@example.org');
    expect(again).not.toBe(bob);
  });
});

describe('amounts', () => {
  test.each([
    ['zero', 0],
    ['negative', -100],
    ['a fraction of a cent', 10.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '100'],
    ['over 10^12', 1_000_000_000_001],
    ['a boolean', true],
  ])('refuses %s', async (_label, amount) => {
    await expectRefused(ledger, { type: 'AddFunds', account: ada, amount }, 'INVALID_AMOUNT');
    await expectRefused(ledger, { type: 'Withdraw', account: ada, amount }, 'INVALID_AMOUNT');
    await expectRefused(ledger, { type: 'Transfer', from: ada, to: bob, amount }, 'INVALID_AMOUNT');
    await expectRefused(ledger, { type: 'OpenAccount', owner: 'Dan', email: 'dan@example.org', initialDeposit: amount }, 'INVALID_AMOUNT');
  });
  test('accepts exactly 10^12 cents', async () => {
    await ledger.run({ type: 'AddFunds', account: ada, amount: 1_000_000_000_000 });
  });
});

describe('withdraw and transfer', () => {
  test('withdraw needs a balance of at least the amount', async () => {
    await expectRefused(ledger, { type: 'Withdraw', account: ada, amount: 100_001 }, 'INSUFFICIENT_FUNDS');
  });
  test('withdraw needs a verified account', async () => {
    await expectRefused(ledger, { type: 'Withdraw', account: cat, amount: 100 }, 'NOT_VERIFIED');
  });
  test('transfer needs a balance of at least the amount', async () => {
    await expectRefused(ledger, { type: 'Transfer', from: ada, to: bob, amount: 100_001 }, 'INSUFFICIENT_FUNDS');
  });
  test('transfer needs a verified sender', async () => {
    await expectRefused(ledger, { type: 'Transfer', from: cat, to: ada, amount: 100 }, 'NOT_VERIFIED');
  });
  test('transfer to the same account is refused', async () => {
    await expectRefused(ledger, { type: 'Transfer', from: ada, to: ada.replace(/(\d{4})/g, '$1 ').trim(), amount: 100 }, 'SAME_ACCOUNT');
  });
  test('transfer needs an existing receiver', async () => {
    await expectRefused(ledger, { type: 'Transfer', from: ada, to: UNKNOWN, amount: 100 }, 'ACCOUNT_NOT_FOUND');
  });
  test('transfer needs an open receiver', async () => {
    await ledger.run({ type: 'CloseAccount', account: bob });
    const error = await expectRefused(ledger, { type: 'Transfer', from: ada, to: bob, amount: 100 }, 'ACCOUNT_CLOSED');
    expect(error.field).toBe('to');
  });
  test('a transfer to an unverified receiver is allowed', async () => {
    await ledger.run({ type: 'Transfer', from: ada, to: cat, amount: 100 });
  });
  test('commands on an unknown account are refused', async () => {
    await expectRefused(ledger, { type: 'AddFunds', account: UNKNOWN, amount: 100 }, 'ACCOUNT_NOT_FOUND');
    await expectRefused(ledger, { type: 'Withdraw', account: UNKNOWN, amount: 100 }, 'ACCOUNT_NOT_FOUND');
    await expectRefused(ledger, { type: 'CloseAccount', account: UNKNOWN }, 'ACCOUNT_NOT_FOUND');
  });
});

describe('verification', () => {
  test('a wrong code fails', async () => {
    const code = await ledger.codeOf(cat);
    await expectRefused(ledger, { type: 'VerifyAccount', account: cat, code: code === '123456' ? '654321' : '123456' }, 'WRONG_CODE');
  });
  test('verifying an already verified account says so', async () => {
    await expectRefused(ledger, { type: 'VerifyAccount', account: ada, code: await ledger.codeOf(ada) }, 'ALREADY_VERIFIED');
  });
  test('before the code was sent, verifying says it has not been sent yet', async () => {
    // No process managers behind it: the code is never issued.
    await ledger.runner.stop();
    const handler = followingHandler(ledger.store, { random: seededRandom(9) });
    const { events } = await handler.dispatch({ type: 'OpenAccount', owner: 'Eve', email: 'eve@example.org' });
    const eve = (events[0]!.payload as { accountNumber: string }).accountNumber;
    await expectRefused({ store: ledger.store, handler }, { type: 'VerifyAccount', account: eve, code: '123456' }, 'NO_CODE_YET');
  });
  test('a code must have six digits', async () => {
    await expectRefused(ledger, { type: 'VerifyAccount', account: cat, code: '12345' }, 'INVALID_CODE');
    await expectRefused(ledger, { type: 'VerifyAccount', account: cat, code: 123456 }, 'INVALID_CODE');
  });
});

describe('closing', () => {
  test('needs a zero balance', async () => {
    await expectRefused(ledger, { type: 'CloseAccount', account: ada }, 'NONZERO_BALANCE');
  });
  test('a closed account takes no more commands', async () => {
    await ledger.run({ type: 'CloseAccount', account: bob });
    for (const command of [
      { type: 'AddFunds', account: bob, amount: 100 },
      { type: 'Withdraw', account: bob, amount: 100 },
      { type: 'Transfer', from: bob, to: ada, amount: 100 },
      { type: 'VerifyAccount', account: bob, code: '123456' },
      { type: 'CloseAccount', account: bob },
    ])
      await expectRefused(ledger, command, 'ACCOUNT_CLOSED');
  });
});

describe('outbox', () => {
  test('marking an unknown message as sent is refused', async () => {
    await expectRefused(ledger, { type: 'MarkMessageSent', account: ada, messageId: 'nope' }, 'MESSAGE_NOT_FOUND');
  });
  test('marking a message sent twice is refused', async () => {
    const events = await ledger.store.readStream(`account-${ada}`);
    const { messageId } = events.find((e) => e.type === 'VerificationMessageQueued')!.payload as { messageId: string };
    await ledger.run({ type: 'MarkMessageSent', account: ada, messageId });
    await expectRefused(ledger, { type: 'MarkMessageSent', account: ada, messageId }, 'ALREADY_SENT');
  });
});

describe('the shape of a command', () => {
  test.each([
    ['not an object', 'Withdraw', 'INVALID_COMMAND'],
    ['null', null, 'INVALID_COMMAND'],
    ['an array', [], 'INVALID_COMMAND'],
    ['no type', { account: '1' }, 'INVALID_COMMAND'],
    ['an unknown type', { type: 'Steal', account: '1' }, 'UNKNOWN_COMMAND'],
    ['an inherited type name', { type: 'toString' }, 'UNKNOWN_COMMAND'],
    ['a missing field', { type: 'Withdraw', amount: 100 }, 'INVALID_COMMAND'],
    ['an unknown field', { type: 'CloseAccount', account: '1234123412341234', force: true }, 'INVALID_COMMAND'],
    ['a bad account number', { type: 'Withdraw', account: '12', amount: 100 }, 'INVALID_ACCOUNT_NUMBER'],
    ['an account number as a number', { type: 'Withdraw', account: 1234123412341234, amount: 100 }, 'INVALID_ACCOUNT_NUMBER'],
    ['an empty owner', { type: 'OpenAccount', owner: '  ', email: 'x@example.org' }, 'INVALID_OWNER'],
    ['a too long owner', { type: 'OpenAccount', owner: 'x'.repeat(101), email: 'x@example.org' }, 'INVALID_OWNER'],
    ['a multi-line owner', { type: 'OpenAccount', owner: 'a\nb', email: 'x@example.org' }, 'INVALID_OWNER'],
    ['a too long e-mail', { type: 'OpenAccount', owner: 'X', email: `${'x'.repeat(250)}@example.org` }, 'INVALID_EMAIL'],
    ['a too long note', { type: 'AddFunds', account: '1234123412341234', amount: 1, note: 'n'.repeat(MAX_NOTE_CHARS + 1) }, 'INVALID_NOTE'],
    ['a note that is not text', { type: 'AddFunds', account: '1234123412341234', amount: 1, note: 5 }, 'INVALID_NOTE'],
    ['a bad message id', { type: 'MarkMessageSent', account: '1234123412341234', messageId: '' }, 'INVALID_MESSAGE_ID'],
  ])('refuses %s', async (_label, command, code) => {
    await expectRefused(ledger, command, code);
  });
});

describe('concurrency', () => {
  test('when other writers keep winning, the command gives up with CONFLICT and writes nothing', async () => {
    let appends = 0;
    const store = {
      appendMany: async (...args: Parameters<typeof ledger.store.appendMany>) => {
        appends += 1;
        // Another tab lands a deposit first, every time.
        await ledger.store.append(`account-${ada}`, [
          { type: 'FundsAdded', payload: { accountNumber: ada, amount: 1 } },
        ]);
        return ledger.store.appendMany(...args);
      },
    };
    const handler = createCommandHandler({ log: store, decisions: followLog(ledger.store), random: seededRandom(3), maxRetries: 3 });
    const before = await ledger.store.readStream(`account-${ada}`);
    await expect(handler.dispatch({ type: 'Withdraw', account: ada, amount: 100 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(appends).toBe(4);
    const after = await ledger.store.readStream(`account-${ada}`);
    expect(after.slice(before.length).map((e) => e.type)).toEqual(['FundsAdded', 'FundsAdded', 'FundsAdded', 'FundsAdded']);
  });
});
