import { describe, expect, test } from 'vitest';
import { readWindow, requestsOf } from '../../../src/app/sync/pushRequests.ts';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import type { WireCommit } from '../../../src/app/sync/wire.ts';

const event = (seq: number, at: string): StoredEvent => ({ type: 'FundsAdded', payload: { amount: seq }, meta: { id: `e${seq}`, seq, stream: 'account-1', version: seq, at } });

/** A log of `times.length` events, the i-th recorded at times[i]. */
function logOf(times: string[]) {
  const events = times.map((at, i) => event(i + 1, at));
  return {
    readAll: async ({ fromSeq = 1, limit = Infinity }: { fromSeq?: number; limit?: number } = {}) => events.slice(fromSeq - 1, fromSeq - 1 + limit),
  };
}

describe('what one push reads of the log', () => {
  test('a window never ends inside a turn of the writer (events recorded at one moment)', async () => {
    const log = logOf(['a', 'a', 'b', 'b', 'b', 'b', 'c']);
    expect((await readWindow(log, 1, 4)).map((e) => e.meta.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await readWindow(log, 1, 2)).map((e) => e.meta.seq)).toEqual([1, 2]);
  });

  test('a window that fills up exactly at the end of the log ends there', async () => {
    expect((await readWindow(logOf(['a', 'a', 'a', 'a']), 1, 2)).map((e) => e.meta.seq)).toEqual([1, 2, 3, 4]);
    expect(await readWindow(logOf([]), 1, 2)).toEqual([]);
  });
});

describe('requests the server takes', () => {
  const commit = (id: string, events: number, note = ''): WireCommit => ({
    id,
    events: Array.from({ length: events }, (_, i) => ({ type: 'FundsAdded', payload: { note }, meta: { id: `${id}-${i}`, stream: 'account-1', version: i + 1, at: 'a' } })),
  });

  test('whole commits only, at most 1,000 events in a request', () => {
    const requests = requestsOf([commit('a', 600), commit('b', 300), commit('c', 200), commit('d', 1)]);
    expect(requests.map((r) => r.map((c) => c.id))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  test('and well under the server\'s 1 MiB body, however large the events', () => {
    const big = 'x'.repeat(100_000);
    const requests = requestsOf(Array.from({ length: 12 }, (_, i) => commit(`c${i}`, 1, big)));
    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) expect(new TextEncoder().encode(JSON.stringify(request)).length).toBeLessThan(1024 * 1024);
  });
});
