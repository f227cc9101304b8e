import { describe, expect, test } from 'vitest';
import { batchesOf, commitsOf, toWire } from '../../../src/app/sync/wire.ts';
import type { StoredEvent } from '../../../src/eventstore/index.ts';

const event = (seq: number, stream: string, version: number, at: string, extra: Partial<StoredEvent['meta']> = {}): StoredEvent => ({
  type: 'FundsAdded',
  payload: { accountNumber: '1', amount: seq },
  meta: { id: `e${seq}`, seq, stream, version, at, ...extra },
});

describe('the wire form of events', () => {
  test('an event travels without its local seq, everything else as stored', () => {
    const stored = event(7, 'account-1', 3, '2026-01-01T00:00:00.000Z', { causationId: 'c', schema: 2 });
    expect(toWire(stored)).toEqual({ type: 'FundsAdded', payload: stored.payload, meta: { id: 'e7', stream: 'account-1', version: 3, at: stored.meta.at, causationId: 'c', schema: 2 } });
  });

  test('each command is one commit, put in an order in which every stream\'s versions rise', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const sent = (seq: number, stream: string, version: number, type: string, transferId: string): StoredEvent => ({
      type,
      payload: { accountNumber: stream.slice(8), transferId, amount: 1 },
      meta: { id: `e${seq}`, seq, stream, version, at: t },
    });
    // One turn: a deposit to Z, a transfer A to B, then a transfer Z to B. The turn stores its events by
    // stream, Z's first, so the second transfer's first event comes before the first transfer's.
    const turn = [
      event(1, 'account-Z', 1, t),
      sent(2, 'account-Z', 2, 'TransferSent', 't2'),
      sent(3, 'account-A', 1, 'TransferSent', 't1'),
      sent(4, 'account-B', 1, 'TransferReceived', 't1'),
      sent(5, 'account-B', 2, 'TransferReceived', 't2'),
    ];
    expect(commitsOf(turn).map((c) => c.events.map((e) => e.meta.id))).toEqual([['e1'], ['e3', 'e4'], ['e2', 'e5']]);
  });

  test('pulled events append one batch per stream, each expecting the version before its first event', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const batches = batchesOf([event(1, 'account-1', 4, t), event(2, 'account-2', 1, t), event(3, 'account-1', 5, t)].map(toWire));
    expect(batches.map((b) => [b.stream, b.expectedVersion, b.events.map((e) => e.meta?.id)])).toEqual([
      ['account-1', 3, ['e1', 'e3']],
      ['account-2', 0, ['e2']],
    ]);
    // The store assigns seq, stream and version itself: only what a caller may set travels.
    expect(Object.keys(batches[0]!.events[0]!.meta!)).toEqual(['id', 'at']);
  });
});
