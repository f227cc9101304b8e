import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openEventStore, type EventStore, type JsonValue, type StoredEvent } from '../../../src/eventstore/index.ts';
import { accountsProjection, accountStream, ledgerProjections, syntheticLedger, type ReportsState } from '../../../src/domain/index.ts';
import { appendGenerated } from '../../../src/app/parts.ts';
import { whatIfGuardProjection } from '../../../src/domain/whatif/whatIfGuard.ts';
import { branchEvents, foldAll, whatIf, type Injection, type WhatIfChanges } from '../../../src/replay/index.ts';
import { ledgerShortcut } from '../../../src/app/whatif/whatIfShortcut.ts';

let logs = 0;

/** A log holding exactly these events. */
async function logOf(events: readonly StoredEvent[]): Promise<EventStore> {
  const store = await openEventStore({ name: `shortcut-${++logs}` });
  await appendGenerated(store, events);
  return store;
}

const ledger = (seed: number, events: number, accounts = 4, start = new Date(Date.UTC(2024, 0, 1)), spanDays = 4) => [
  ...syntheticLedger({ accounts, events, seed, start, spanDays }),
];
/** Starts that put a new month, or a new year, a few events in: periods with one event, which a skip empties. */
const STARTS = [Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31, 20), Date.UTC(2025, 1, 28, 22)];

const accountsOf = (events: readonly StoredEvent[]) =>
  [...new Set(events.filter((e) => e.type === 'AccountOpened').map((e) => (e.payload as { accountNumber: string }).accountNumber))];

/** Both ways of computing the branch; the shortcut's must equal the replay's. */
async function bothWays(store: EventStore, fromSeq: number, changes: WhatIfChanges) {
  const replayed = await whatIf(store, ledgerProjections, fromSeq, changes);
  const shortcut = await whatIf(store, ledgerProjections, fromSeq, changes, { shortcut: ledgerShortcut });
  return { replayed, shortcut };
}

/** The shortcut declines this branch, and the replay gives its states. */
async function expectReplayed(store: EventStore, fromSeq: number, changes: WhatIfChanges) {
  const { replayed, shortcut } = await bothWays(store, fromSeq, changes);
  expect(shortcut.method).toBe('replayed');
  expect(shortcut.states).toEqual(replayed.states);
}

const deposit = (afterSeq: number, accountNumber: string, amount: number, at?: string): Injection => ({
  afterSeq,
  stream: accountStream(accountNumber),
  event: { type: 'FundsAdded', payload: { accountNumber, amount }, meta: at ? { at } : undefined },
});

describe('the ledger what-if shortcut', () => {
  test('a deposit injected far back re-folds one account and moves the totals and later days', async () => {
    const events = ledger(7, 300);
    const store = await logOf(events);
    const [account] = accountsOf(events);
    const { replayed, shortcut } = await bothWays(store, 41, { inject: [deposit(40, account!, 12_345)] });
    expect(shortcut.method).toBe('partitioned');
    expect(replayed.method).toBe('replayed');
    expect(shortcut.states).toEqual(replayed.states);
    expect(shortcut.eventCount).toBe(261);
  });

  test('a log whose times go back is replayed', async () => {
    const events = ledger(8, 60);
    const late = events[30]!;
    events[30] = { ...late, meta: { ...late.meta, at: '2023-06-01T00:00:00.000Z' } };
    const store = await logOf(events);
    await expectReplayed(store, 41, { inject: [deposit(40, accountsOf(events)[0]!, 10)] });
  });

  test('a log with an account event off its account’s stream is replayed', async () => {
    const events = ledger(10, 60);
    const store = await logOf(events);
    const [a, b] = accountsOf(events);
    await store.append(accountStream(b!), [{ type: 'FundsAdded', payload: { accountNumber: a!, amount: 99 } }]);
    expect(foldAll([whatIfGuardProjection], await store.readAll()).whatIfGuard).toMatchObject({ irregularSeq: 61, unorderedSeq: 0 });
    await expectReplayed(store, 41, { inject: [deposit(40, accountsOf(events)[2]!, 10)] });
  });

  test('an injection dated out of its place, and a message skipped, are replayed', async () => {
    const events = ledger(9, 80);
    const store = await logOf(events);
    const [account] = accountsOf(events);
    await expectReplayed(store, 41, { inject: [deposit(40, account!, 10, '2030-01-01T00:00:00.000Z')] });
    const message = events.find((e) => e.type === 'VerificationMessageQueued')!.meta.seq;
    await expectReplayed(store, message, { skip: [message] });
  });

  test('a branch that opens an account the log does not have, or empties a stream, is replayed', async () => {
    const events = ledger(13, 40);
    const store = await logOf(events);
    await store.append('notes', [{ type: 'Noted', payload: { text: 'one of a kind' } }]);
    const number = '1234567812345678';
    const opening: Injection = {
      afterSeq: 30,
      stream: accountStream(number),
      event: { type: 'AccountOpened', payload: { accountNumber: number, owner: 'Ana', email: 'ana@example.org' } },
    };
    const accountsOnly = [accountsProjection, whatIfGuardProjection];
    const opened = await whatIf(store, accountsOnly, 31, { inject: [opening] }, { shortcut: ledgerShortcut });
    expect(opened.method).toBe('replayed');
    expect(opened.states).toEqual((await whatIf(store, accountsOnly, 31, { inject: [opening] })).states);
    await expectReplayed(store, 41, { skip: [41] });
  });

  test('an account stream’s events from before its opening stay counted apart, as in the replay', async () => {
    const events = ledger(14, 40);
    const store = await logOf(events);
    const number = '1234567812345678';
    const stream = accountStream(number);
    await store.append(stream, [{ type: 'Noted', payload: { text: 'before the account' } }]);
    await store.append(stream, [{ type: 'AccountOpened', payload: { accountNumber: number, owner: 'Ana', email: 'ana@example.org' } }]);
    await store.append(stream, [{ type: 'FundsAdded', payload: { accountNumber: number, amount: 500 } }]);
    for (const afterSeq of [42, 41]) {
      const { replayed, shortcut } = await bothWays(store, afterSeq + 1, { inject: [deposit(afterSeq, number, 10)] });
      expect(shortcut.method).toBe('partitioned');
      expect(shortcut.states).toEqual(replayed.states);
    }
    // An event of a type the domain does not know, on an account's stream: its account's re-fold would not see it.
    await expectReplayed(store, 41, { skip: [41] });
  });

  test('a skip that empties a day, a month and a year removes them as the replay does', async () => {
    // The last few events fall on 2025-01-01: skip every money event there.
    const events = ledger(11, 70, 3, new Date(Date.UTC(2024, 11, 31)), 1.1);
    const store = await logOf(events);
    const money = new Set(['FundsAdded', 'FundsWithdrawn', 'TransferSent']);
    const skip = events.filter((e) => e.meta.at.startsWith('2025') && money.has(e.type)).map((e) => e.meta.seq);
    expect(skip.length).toBeGreaterThan(0);
    const { replayed, shortcut } = await bothWays(store, skip[0]!, { skip });
    expect(shortcut.method).toBe('partitioned');
    expect(shortcut.states).toEqual(replayed.states);
    const reports = replayed.states.reports as ReportsState;
    expect(Object.keys(reports.moneyMoved.years)).toEqual(['2024']);
    expect(Object.keys(reports.added.years)).toEqual(['2024']);
    expect(Object.keys(reports.withdrawn.years)).toEqual(['2024']);
  });

  test('a skip that empties a month of a year that goes on removes only that month', async () => {
    const events = ledger(12, 70, 3, new Date(Date.UTC(2024, 0, 31)), 1.1);
    const store = await logOf(events);
    const skip = events.filter((e) => e.meta.at.startsWith('2024-02') && e.type !== 'TransferReceived').map((e) => e.meta.seq);
    const { replayed, shortcut } = await bothWays(store, skip[0]!, { skip });
    expect(shortcut.method).toBe('partitioned');
    expect(shortcut.states).toEqual(replayed.states);
    expect((replayed.states.reports as ReportsState).moneyMoved.years['2024']!.months[1]).toBeNull();
  });

  test('gives exactly the replay’s states for random ledgers, skips and injections', async () => {
    const TYPES = ['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived', 'AccountVerified', 'AccountClosed', 'AccountOpened'];
    const injection = fc.record({
      where: fc.nat(),
      account: fc.nat(),
      type: fc.constantFrom(...TYPES),
      amount: fc.integer({ min: 1, max: 60_000 }),
      minutesLater: fc.option(fc.constantFrom(0, 1, 2, 5000), { nil: undefined, freq: 2 }),
    });
    let partitioned = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 25, max: 140 }),
        fc.constantFrom(...STARTS),
        fc.constantFrom(1, 4, 40),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(injection, { maxLength: 3 }),
        async (seed, size, start, spanDays, base, skipPicks, injections) => {
          const events = ledger(seed, size, 2 + (seed % 4), new Date(start), spanDays);
          const store = await logOf(events);
          const numbers = [...accountsOf(events), '1234567812345678'];
          const basePoint = base % events.length;
          const after = events.length - basePoint;
          const skip = [...new Set(skipPicks.map((p) => basePoint + 1 + (p % after)))];
          const inject: Injection[] = injections.map(({ where, account, type, amount, minutesLater }) => {
            const afterSeq = basePoint + (where % (after + 1));
            const accountNumber = numbers[account % numbers.length]!;
            const anchor = events[Math.max(0, afterSeq - 1)]!.meta.at;
            const at = minutesLater === undefined ? undefined : new Date(Date.parse(anchor) + minutesLater * 60_000).toISOString();
            const payload: JsonValue =
              type === 'AccountOpened'
                ? { accountNumber, owner: 'Ana', email: 'ana@example.org' }
                : type.startsWith('Transfer')
                  ? { accountNumber, transferId: 't', [type === 'TransferSent' ? 'to' : 'from']: numbers[0]!, amount }
                  : type.startsWith('Funds')
                    ? { accountNumber, amount }
                    : { accountNumber };
            return { afterSeq, stream: accountStream(accountNumber), event: { type, payload, meta: at ? { at } : undefined } };
          });
          const fromSeq = Math.max(1, Math.min(basePoint + 1, ...skip, ...inject.map((i) => i.afterSeq + 1)));
          const { replayed, shortcut } = await bothWays(store, fromSeq, { skip, inject });
          if (shortcut.method === 'partitioned') partitioned++;
          expect(shortcut.states).toEqual(replayed.states);
          // And the replay is the branch's events folded one by one from the start.
          const branch = [...events.slice(0, fromSeq - 1)];
          for await (const batch of branchEvents(store, replayed)) branch.push(...batch);
          expect(branch).toHaveLength(fromSeq - 1 + replayed.eventCount);
          expect(replayed.states).toEqual(Object.fromEntries(ledgerProjections.map((p) => [p.name, branch.reduce(p.apply, p.initial)])));
          store.close();
        },
      ),
      { numRuns: 60 },
    );
    // The property holds for the shortcut itself, not only for branches it declines.
    expect(partitioned).toBeGreaterThan(10);
  }, 60_000);
});
