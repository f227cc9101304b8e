import { describe, expect, test } from 'vitest';
import {
  decide,
  DomainError,
  foldEvents,
  MAX_BALANCE,
  parseCommand,
  seededRandom,
  type DeciderState,
  type LedgerEvent,
} from '../../../src/domain/index.ts';

// Given events, when a command, then events (or an error code): the decider alone, no store.

const ADA = '1111222233334444';
const BOB = '5555666677778888';

function given(...events: LedgerEvent[]) {
  const state: DeciderState = foldEvents(events);
  return {
    when(command: unknown) {
      const run = () => decide(parseCommand(command), state, { random: seededRandom(42) });
      return {
        then: (expected: LedgerEvent[]) => expect(run()).toEqual(expected),
        thenFails(code: string) {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
        },
        events: run,
      };
    },
  };
}

const opened = (accountNumber: string, email = `${accountNumber}@example.org`): LedgerEvent[] => [
  { type: 'AccountOpened', payload: { accountNumber, owner: `Owner ${accountNumber}`, email } },
  { type: 'EmailReserved', payload: { email, accountNumber } },
];
const codeSent = (accountNumber: string, code = '424242'): LedgerEvent => ({
  type: 'VerificationMessageQueued',
  payload: { accountNumber, messageId: `m-${accountNumber}`, to: 'x@example.org', recipient: 'X', subject: 's', body: 'b', code, link: '#' },
});
const verified = (accountNumber: string): LedgerEvent => ({ type: 'AccountVerified', payload: { accountNumber } });
const added = (accountNumber: string, amount: number): LedgerEvent => ({ type: 'FundsAdded', payload: { accountNumber, amount, category: 'Uncategorized' } });

describe('OpenAccount', () => {
  test('draws a 16-digit number and reserves the address', () => {
    const events = given().when({ type: 'OpenAccount', owner: ' Ada ', email: 'Ada@Example.org', initialDeposit: 500 }).events();
    const number = (events[0]!.payload as { accountNumber: string }).accountNumber;
    expect(number).toMatch(/^[1-9]\d{15}$/);
    expect(events).toEqual([
      { type: 'AccountOpened', payload: { accountNumber: number, owner: 'Ada', email: 'Ada@Example.org' } },
      { type: 'EmailReserved', payload: { email: 'Ada@Example.org', accountNumber: number } },
      { type: 'FundsAdded', payload: { accountNumber: number, amount: 500, category: 'Uncategorized', note: 'Initial deposit' } },
    ]);
  });
  test('never draws a number already in use', () => {
    const first = given().when({ type: 'OpenAccount', owner: 'A', email: 'a@example.org' }).events();
    const taken = (first[0]!.payload as { accountNumber: string }).accountNumber;
    // The same random stream would draw `taken` first: the decider must draw again.
    const second = given(...opened(taken, 'other@example.org')).when({ type: 'OpenAccount', owner: 'B', email: 'b@example.org' }).events();
    expect((second[0]!.payload as { accountNumber: string }).accountNumber).not.toBe(taken);
  });
  test('an address held by an open account is taken', () => {
    given(...opened(ADA, 'ada@example.org')).when({ type: 'OpenAccount', owner: 'B', email: 'ADA@example.org' }).thenFails('EMAIL_TAKEN');
  });
});

describe('Withdraw', () => {
  test('from a verified account with enough money', () => {
    given(...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000))
      .when({ type: 'Withdraw', account: ADA, amount: 1_000, note: '  rent ' })
      .then([{ type: 'FundsWithdrawn', payload: { accountNumber: ADA, amount: 1_000, category: 'Uncategorized', note: 'rent' } }]);
  });
  test('a blank note is left out', () => {
    given(...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000))
      .when({ type: 'Withdraw', account: ADA, amount: 1, note: '   ' })
      .then([{ type: 'FundsWithdrawn', payload: { accountNumber: ADA, amount: 1 , category: 'Uncategorized'} }]);
  });
  test('one cent too many', () => {
    given(...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000)).when({ type: 'Withdraw', account: ADA, amount: 1_001 }).thenFails('INSUFFICIENT_FUNDS');
  });
});

describe('Transfer', () => {
  test('records both sides with one transfer id', () => {
    const events = given(...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000), ...opened(BOB))
      .when({ type: 'Transfer', from: ADA, to: BOB, amount: 250, note: 'tea' })
      .events();
    const id = (events[0]!.payload as { transferId: string }).transferId;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(events).toEqual([
      { type: 'TransferSent', payload: { accountNumber: ADA, transferId: id, to: BOB, amount: 250, category: 'Uncategorized', note: 'tea' } },
      { type: 'TransferReceived', payload: { accountNumber: BOB, transferId: id, from: ADA, amount: 250, category: 'Uncategorized', note: 'tea' } },
    ]);
  });
  test('a receiver that would overflow an exact balance is refused', () => {
    given(...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000), ...opened(BOB), added(BOB, MAX_BALANCE - 10))
      .when({ type: 'Transfer', from: ADA, to: BOB, amount: 11 })
      .thenFails('BALANCE_TOO_LARGE');
  });
});

describe('AddFunds', () => {
  test('to an unverified account', () => {
    given(...opened(ADA)).when({ type: 'AddFunds', account: ADA, amount: 5 }).then([added(ADA, 5)]);
  });
  test('past the largest exact balance is refused', () => {
    given(...opened(ADA), added(ADA, MAX_BALANCE - 1)).when({ type: 'AddFunds', account: ADA, amount: 2 }).thenFails('BALANCE_TOO_LARGE');
  });
});

describe('VerifyAccount', () => {
  test('with the code that was sent', () => {
    given(...opened(ADA), codeSent(ADA, '123456')).when({ type: 'VerifyAccount', account: ADA, code: ' 123456 ' }).then([verified(ADA)]);
  });
  test('with the first of two codes, after a second was sent', () => {
    given(...opened(ADA), codeSent(ADA, '123456'), codeSent(ADA, '654321'))
      .when({ type: 'VerifyAccount', account: ADA, code: '123456' })
      .thenFails('WRONG_CODE');
  });
});

describe('CloseAccount', () => {
  test('releases the address', () => {
    given(...opened(ADA, 'ada@example.org'))
      .when({ type: 'CloseAccount', account: ADA })
      .then([
        { type: 'AccountClosed', payload: { accountNumber: ADA } },
        { type: 'EmailReleased', payload: { email: 'ada@example.org', accountNumber: ADA } },
      ]);
  });
  test('after which the address can be used again', () => {
    const events = given(...opened(ADA, 'ada@example.org'), { type: 'AccountClosed', payload: { accountNumber: ADA } }, { type: 'EmailReleased', payload: { email: 'ada@example.org', accountNumber: ADA } })
      .when({ type: 'OpenAccount', owner: 'Ada', email: 'ada@example.org' })
      .events();
    expect(events.map((e) => e.type)).toEqual(['AccountOpened', 'EmailReserved']);
  });
});

describe('MarkMessageSent', () => {
  test('on a closed account is still allowed: the message was queued while it was open', () => {
    given(...opened(ADA), codeSent(ADA), { type: 'AccountClosed', payload: { accountNumber: ADA } })
      .when({ type: 'MarkMessageSent', account: ADA, messageId: `m-${ADA}` })
      .then([{ type: 'MessageSent', payload: { accountNumber: ADA, messageId: `m-${ADA}` } }]);
  });
});

test('deciding is pure: the same state and random source give the same events', () => {
  const state = foldEvents([...opened(ADA), codeSent(ADA), verified(ADA), added(ADA, 1_000), ...opened(BOB)]);
  const command = parseCommand({ type: 'Transfer', from: ADA, to: BOB, amount: 1 });
  const before = structuredClone(state);
  expect(decide(command, state, { random: seededRandom(5) })).toEqual(decide(command, state, { random: seededRandom(5) }));
  expect(state).toEqual(before);
});
