import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import {
  accountOf,
  accountStream,
  allAccounts,
  decisionsProjection,
  emailStream,
  foldEvents,
  holderOf,
  messageStatus,
  versionOf,
  type DecisionsState,
  type LedgerEvent,
} from '../../../src/domain/index.ts';
import { syntheticLedger } from '../../../src/domain/sample/synthetic.ts';
import { deepFreeze, ledgerLog, batchSizes, batchesOf } from './arbitraries.ts';

// Given stored events, then the decision state the memory image holds for the command handler.

const ADA = '1111222233334444';
const BOB = '5555666677778888';

function given(...events: (LedgerEvent | { type: string; payload: unknown; stream: string })[]): DecisionsState {
  const versions = new Map<string, number>();
  let state = decisionsProjection.initial;
  events.forEach((event, i) => {
    const stream =
      'stream' in event
        ? event.stream
        : event.type === 'EmailReserved' || event.type === 'EmailReleased'
          ? emailStream(event.payload.email)
          : accountStream(event.payload.accountNumber);
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    const stored = { type: event.type, payload: event.payload, meta: { id: `e${i}`, seq: i + 1, stream, version, at: '2025-01-01T00:00:00.000Z' } };
    state = decisionsProjection.apply(state, stored as StoredEvent);
  });
  return state;
}

const opened = (accountNumber: string, email: string): LedgerEvent[] => [
  { type: 'AccountOpened', payload: { accountNumber, owner: 'Ada', email } },
  { type: 'EmailReserved', payload: { email, accountNumber } },
];

test('accounts and addresses as the deciders see them, with each stream version', () => {
  const state = given(
    ...opened(ADA, 'Ada@Example.org'),
    { type: 'AccountVerified', payload: { accountNumber: ADA } },
    { type: 'FundsAdded', payload: { accountNumber: ADA, amount: 500 , category: 'Uncategorized'} },
    { type: 'FundsWithdrawn', payload: { accountNumber: ADA, amount: 200, category: 'Uncategorized' } },
  );
  expect(accountOf(state, ADA)).toMatchObject({ verified: true, balance: 300, status: 'open' });
  expect(holderOf(state, 'ada@example.ORG')).toBe(ADA);
  expect(versionOf(state, accountStream(ADA))).toBe(4);
  expect(versionOf(state, emailStream('ada@example.org'))).toBe(1);
  expect(versionOf(state, accountStream(BOB))).toBe(0);
});

test('a released address has no holder, and its stream version still counts the release', () => {
  const state = given(
    ...opened(ADA, 'ada@example.org'),
    { type: 'AccountClosed', payload: { accountNumber: ADA } },
    { type: 'EmailReleased', payload: { email: 'ada@example.org', accountNumber: ADA } },
  );
  expect(holderOf(state, 'ada@example.org')).toBeUndefined();
  expect(accountOf(state, ADA)?.status).toBe('closed');
  expect(versionOf(state, emailStream('ada@example.org'))).toBe(2);
});

test('an event of a type the domain does not know counts in its stream and marks its account as changed by a newer version, nothing else', () => {
  const before = given(...opened(ADA, 'ada@example.org'));
  const after = given(...opened(ADA, 'ada@example.org'), { type: 'FutureThing', payload: { accountNumber: ADA }, stream: accountStream(ADA) });
  expect(accountOf(before, ADA)!.changedByNewerVersion).toBe(false);
  expect(accountOf(after, ADA)).toEqual({ ...accountOf(before, ADA), changedByNewerVersion: true });
  expect(versionOf(after, accountStream(ADA))).toBe(2);
});

test('the same accounts and addresses as folding the streams directly', () => {
  const events: LedgerEvent[] = [
    ...opened(ADA, 'ada@example.org'),
    ...opened(BOB, 'bob@example.org'),
    { type: 'FundsAdded', payload: { accountNumber: BOB, amount: 7 , category: 'Uncategorized'} },
  ];
  const state = given(...events);
  const direct = foldEvents(events);
  // Rows compared as the deciders read them: a row's stream version is counted only where the state follows streams.
  expect([allAccounts(state), state.emails, state.messages]).toEqual([allAccounts(direct), direct.emails, direct.messages]);
});

test('an account stream counts its events before the opening, after it, and across a second opening', () => {
  const state = given(
    { type: 'FutureThing', payload: {}, stream: accountStream(ADA) },
    { type: 'FundsAdded', payload: { accountNumber: ADA, amount: 5 , category: 'Uncategorized'} },
    ...opened(ADA, 'ada@example.org'),
    // About Ada, yet written to Bob's stream, which counts it.
    { type: 'FundsAdded', payload: { accountNumber: ADA, amount: 9 }, stream: accountStream(BOB) },
    { type: 'AccountOpened', payload: { accountNumber: ADA, owner: 'Ada', email: 'ada@example.org' } },
  );
  expect(versionOf(state, accountStream(ADA))).toBe(4);
  expect(versionOf(state, accountStream(BOB))).toBe(1);
  expect(accountOf(state, ADA)?.balance).toBe(0);
  const bob = given(
    { type: 'FundsAdded', payload: { accountNumber: ADA, amount: 9 }, stream: accountStream(BOB) },
    ...opened(BOB, 'bob@example.org'),
    { type: 'MessageSent', payload: { accountNumber: BOB, messageId: 'm1' } },
  );
  expect(versionOf(bob, accountStream(BOB))).toBe(3);
});

test('applying an event leaves the state it was given as it was', () => {
  const state = given(...opened(ADA, 'ada@example.org'));
  const copy = structuredClone(state);
  decisionsProjection.apply(state, {
    type: 'FundsAdded',
    payload: { accountNumber: ADA, amount: 1 },
    meta: { id: 'x', seq: 3, stream: accountStream(ADA), version: 2, at: '2025-01-01T00:00:00.000Z' },
  });
  expect(state).toEqual(copy);
});

test('each queued message is known by account and id, queued until marked as sent', () => {
  const queued = (messageId: string): LedgerEvent => ({
    type: 'WithdrawalMessageQueued',
    payload: { accountNumber: ADA, messageId, to: 'ada@example.org', recipient: 'Ada', subject: 's', body: 'b', amount: 1 },
  });
  const state = given(...opened(ADA, 'ada@example.org'), queued('m1'), queued('m2'), { type: 'MessageSent', payload: { accountNumber: ADA, messageId: 'm1' } });
  expect([messageStatus(state, ADA, 'm1'), messageStatus(state, ADA, 'm2'), messageStatus(state, ADA, 'm3')]).toEqual(['sent', 'queued', undefined]);
  expect(messageStatus(state, BOB, 'm2')).toBeUndefined();
});

/** Folds batch by batch with applyMany, each input state frozen, and checks every batch against apply one event at a time. */
function checkBatches(events: readonly StoredEvent[], sizes: readonly number[]): void {
  let batched = decisionsProjection.initial;
  let single = decisionsProjection.initial;
  for (const batch of batchesOf(events, sizes)) {
    for (const event of batch) single = decisionsProjection.apply(single, event);
    batched = decisionsProjection.applyMany!(deepFreeze(batched), batch);
    expect(JSON.stringify(batched)).toBe(JSON.stringify(single));
  }
}

/** Random logs whose events are also written to other accounts' streams and to streams of no account. */
const anyStreams = fc
  .tuple(ledgerLog(), fc.array(fc.constantFrom('own', 'account-4000000000000001', 'account-', 'notes'), { minLength: 150, maxLength: 150 }))
  .map(([events, streams]) => events.map((e, i) => (streams[i] === 'own' ? e : { ...e, meta: { ...e.meta, stream: streams[i]! } })));

test('a batch at a time equals one event at a time, over any split of any log, and never changes the state it is given', () => {
  fc.assert(fc.property(ledgerLog(), batchSizes, (events, sizes) => checkBatches(events, sizes)), { numRuns: 150 });
  fc.assert(fc.property(anyStreams, batchSizes, (events, sizes) => checkBatches(events, sizes)), { numRuns: 100 });
  checkBatches([...syntheticLedger({ accounts: 300, events: 4_000, seed: 5 })], [1, 700, 2_500, 799]);
});

test('every stream’s version is the number of events written to it, whatever they are about', () => {
  fc.assert(
    fc.property(anyStreams, batchSizes, (events, sizes) => {
      let state = decisionsProjection.initial;
      for (const batch of batchesOf(events, sizes)) state = decisionsProjection.applyMany!(state, batch);
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e.meta.stream, (counts.get(e.meta.stream) ?? 0) + 1);
      for (const stream of [...counts.keys(), 'account-4000000000000005', 'elsewhere'])
        expect(versionOf(state, stream)).toBe(counts.get(stream) ?? 0);
    }),
    { numRuns: 150 },
  );
});
