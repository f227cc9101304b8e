import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { JsonValue, StoredEvent } from '../../../src/eventstore/index.ts';
import { accountsProjection, accountStream, getAccount, historyBackward, historyEntryOf, type HistoryEntry } from '../../../src/domain/index.ts';
import { openLedger, type Ledger } from '../../app/testLedger.ts';
import { foldForward } from './historyFold.ts';

const ADA = '1111222233334444';
const BOB = '5555666677778888';

/** Builds an account's stream from short descriptions, with seq and version counting from 1. */
function streamOf(...events: [type: string, payload?: Record<string, JsonValue>][]): StoredEvent[] {
  return events.map(([type, payload = {}], i) => ({
    type,
    payload: { accountNumber: ADA, ...payload },
    meta: { id: `e${i + 1}`, seq: (i + 1) * 3, stream: accountStream(ADA), version: i + 1, at: `2025-03-${String(10 + (i % 20))}T09:00:00.000Z` },
  }));
}

const step = fc.oneof(
  fc.record({ type: fc.constant('FundsAdded'), amount: fc.integer({ min: 1, max: 1_000_000 }), note: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ type: fc.constant('FundsWithdrawn'), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ type: fc.constant('TransferSent'), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ type: fc.constant('TransferReceived'), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.constantFrom({ type: 'AccountVerified' }, { type: 'MessageSent' }, { type: 'WithdrawalMessageQueued' }, { type: 'SomethingNew' }),
);

/** A random account stream: the opening, then money movements, status changes, messages and unknown types. */
const accountStreams = fc.array(step, { maxLength: 80 }).map((steps) =>
  streamOf(
    ['AccountOpened', { owner: 'Ada', email: 'ada@example.org' }],
    ...steps.map(({ type, amount, note }: { type: string; amount?: number; note?: string }): [string, Record<string, JsonValue>] => {
      const payload: Record<string, JsonValue> = {};
      if (amount !== undefined) payload.amount = amount;
      if (note !== undefined) payload.note = note;
      if (type === 'TransferSent') Object.assign(payload, { to: BOB, transferId: 't1' });
      if (type === 'TransferReceived') Object.assign(payload, { from: BOB, transferId: 't1' });
      return [type, payload];
    }),
  ),
);

describe('account history lines', () => {
  test('each kind of event gives its line; messages and unknown types give none', () => {
    const [opened, deposit, verified, sent, received, withdrawal, message, unknown, closed] = streamOf(
      ['AccountOpened', { owner: 'Ada', email: 'ada@example.org' }],
      ['FundsAdded', { amount: 10_000, note: 'Salary' }],
      ['AccountVerified'],
      ['TransferSent', { amount: 2_500, to: BOB, transferId: 't1', note: 'Rent' }],
      ['TransferReceived', { amount: 500, from: BOB, transferId: 't2' }],
      ['FundsWithdrawn', { amount: 1_000 }],
      ['MessageSent', { messageId: 'm1' }],
      ['SomethingNew'],
      ['AccountClosed'],
    );
    expect(historyEntryOf(opened!, 0)).toEqual({ id: 'e1', seq: 3, at: opened!.meta.at, kind: 'opened', change: 0, balance: 0 });
    expect(historyEntryOf(deposit!, 0)).toMatchObject({ kind: 'deposit', change: 10_000, balance: 10_000, note: 'Salary' });
    expect(historyEntryOf(verified!, 10_000)).toMatchObject({ kind: 'verified', change: 0, balance: 10_000 });
    expect(historyEntryOf(sent!, 10_000)).toEqual(expect.objectContaining({ kind: 'transfer-out', change: -2_500, balance: 7_500, counterparty: BOB, transferId: 't1', note: 'Rent' }));
    const inLine = historyEntryOf(received!, 7_500)!;
    expect(inLine).toMatchObject({ kind: 'transfer-in', change: 500, balance: 8_000, counterparty: BOB, transferId: 't2' });
    expect('note' in inLine).toBe(false);
    expect(historyEntryOf(withdrawal!, 8_000)).toMatchObject({ kind: 'withdrawal', change: -1_000, balance: 7_000 });
    expect(historyEntryOf(message!, 7_000)).toBeUndefined();
    expect(historyEntryOf(unknown!, 7_000)).toBeUndefined();
    expect(historyEntryOf(closed!, 7_000)).toMatchObject({ kind: 'closed', change: 0, balance: 7_000 });
  });

  test('worked backwards from the final balance, in batches of any size, the lines equal the forward fold', () => {
    fc.assert(
      fc.property(accountStreams, fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }), (events, batchSizes) => {
        const forward = foldForward(events);
        const newestFirst = events.toReversed();
        const lines: HistoryEntry[] = [];
        let balance = forward[0]!.balance;
        let opened = false;
        for (let at = 0, batch = 0; at < newestFirst.length && !opened; batch++) {
          const size = batchSizes[batch % batchSizes.length]!;
          const stretch = historyBackward(newestFirst.slice(at, at + size), balance);
          lines.push(...stretch.entries);
          ({ balanceBefore: balance, opened } = stretch);
          at += size;
        }
        expect(lines).toEqual(forward);
        expect(opened).toBe(true);
        expect(balance).toBe(0);
      }),
    );
  });

  test('the history starts at the opening: anything older is passed over', () => {
    const events = streamOf(['FundsAdded', { amount: 99 }], ['AccountOpened', { owner: 'Ada', email: 'a@b.org' }], ['FundsAdded', { amount: 500 }]);
    const stretch = historyBackward(events.toReversed(), 500);
    expect(stretch.entries.map((e) => [e.kind, e.balance])).toEqual([
      ['deposit', 500],
      ['opened', 0],
    ]);
    expect(stretch).toMatchObject({ balanceBefore: 0, opened: true });
  });

  test('a stretch without the opening says so and hands on the balance before it', () => {
    const events = streamOf(['AccountOpened', { owner: 'Ada', email: 'a@b.org' }], ['FundsAdded', { amount: 500 }], ['MessageSent'], ['FundsWithdrawn', { amount: 200 }]);
    expect(historyBackward(events.slice(1).toReversed(), 300)).toMatchObject({ balanceBefore: 0, opened: false, entries: [{ balance: 300 }, { balance: 500 }] });
    expect(historyBackward([], 300)).toEqual({ entries: [], balanceBefore: 300, opened: false });
  });
});

describe('account history of a real ledger', () => {
  let ledger: Ledger;
  afterEach(() => ledger.close());

  test('every line with its running balance, newest first, from the stream and the account balance', async () => {
    ledger = await openLedger();
    const ada = await ledger.open('Ada Lovelace', 'ada@example.org', 100_000);
    const bob = await ledger.open('Bob Babbage', 'bob@example.org');
    await ledger.verify(ada);
    await ledger.run({ type: 'Withdraw', account: ada, amount: 2_500, note: 'Books' });
    await ledger.run({ type: 'Transfer', from: ada, to: bob, amount: 7_500, note: 'Rent share' });
    const all = await ledger.store.readAll();
    const accounts = all.reduce(accountsProjection.apply, accountsProjection.initial);
    const lines = async (number: string) =>
      historyBackward(await ledger.store.readStream(accountStream(number), { direction: 'backward' }), getAccount(accounts, number)!.balance);

    const adaLines = await lines(ada);
    expect(adaLines.entries.map((e) => [e.kind, e.change, e.balance, e.note ?? '', e.counterparty ?? ''])).toEqual([
      ['transfer-out', -7_500, 90_000, 'Rent share', bob],
      ['withdrawal', -2_500, 97_500, 'Books', ''],
      ['verified', 0, 100_000, '', ''],
      ['deposit', 100_000, 100_000, 'Initial deposit', ''],
      ['opened', 0, 0, '', ''],
    ]);
    expect(adaLines).toMatchObject({ balanceBefore: 0, opened: true });
    expect((await lines(bob)).entries[0]).toMatchObject({ kind: 'transfer-in', change: 7_500, balance: 7_500, counterparty: ada });
  });
});
