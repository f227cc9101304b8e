import { describe, expect, test } from 'vitest';
import { InvalidEventError, openEventStore } from '../../src/eventstore/index.ts';
import { branchEvents, branchStreamEvents, ReplayAbortedError, whatIf, type WhatIfShortcut } from '../../src/replay/index.ts';
import { count, counter, seen, steppingClock } from './counter.ts';

async function counterStore(...steps: number[]) {
  const store = await openEventStore({ name: 'what-if', clock: steppingClock() });
  await count(store, ...steps);
  return store;
}

async function allOf<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

describe('what-if', () => {
  test('a branch its caller no longer wants stops replaying', async () => {
    const store = await counterStore(1, 2, 3, 4);
    const stopped = new AbortController();
    stopped.abort();
    await expect(whatIf(store, [counter], 2, { skip: [3] }, { signal: stopped.signal })).rejects.toBeInstanceOf(ReplayAbortedError);
    expect((await whatIf(store, [counter], 2, { skip: [3] }, { signal: new AbortController().signal })).states.counter).toBe(7);
  });

  test('skips and injects events in a branch without writing to the log', async () => {
    const store = await counterStore(1, 2, 3, 4);
    const before = await store.readAll();
    const branch = await whatIf(store, [counter], 2, {
      skip: [3],
      inject: [{ afterSeq: 2, stream: 'counter-1', event: { type: 'Counted', payload: { by: 100 } } }],
    });
    expect(branch.states.counter).toBe(1 + 2 + 100 + 4);
    expect(branch).toMatchObject({ fromSeq: 2, toSeq: 4, skipped: [3], eventCount: 3, method: 'replayed' });
    const events = await allOf(branchEvents(store, branch, 1));
    expect(events.map((e) => e.meta.seq)).toEqual([2, 2, 4]);
    expect(events[1]!.meta.id).toMatch(/^what-if:/);
    expect(await store.readAll()).toEqual(before);
  });

  test('an injection at the branch point plays before the first real event of the branch, at the time of the event it follows', async () => {
    const store = await counterStore(1, 2);
    const branch = await whatIf(store, [seen], 2, {
      inject: [{ afterSeq: 1, stream: 's', event: { type: 'Other' } }],
    });
    const events = await allOf(branchEvents(store, branch));
    expect(events.map((e) => e.type)).toEqual(['Other', 'Counted']);
    expect(events[0]!.meta.at).toBe('2026-01-01T00:00:00.000Z');
    expect(branch.states.seen).toEqual({ count: 3, lastSeq: 2 });
  });

  test('a stream in the branch is its real events minus the skipped ones, with its injections in place', async () => {
    const store = await counterStore(1, 2, 3);
    const branch = await whatIf(store, [counter], 1, {
      skip: [2],
      inject: [
        { afterSeq: 3, stream: 'counter-1', event: { type: 'Counted', payload: { by: 7 } } },
        { afterSeq: 1, stream: 'other', event: { type: 'Counted', payload: { by: 5 } } },
      ],
    });
    const stream = await branchStreamEvents(store, branch, 'counter-1');
    expect(stream.map((e) => [e.meta.seq, (e.payload as { by: number }).by])).toEqual([
      [1, 1],
      [3, 3],
      [3, 7],
    ]);
  });

  test('a shortcut gives the states when it can, and the branch is replayed when it declines', async () => {
    const store = await counterStore(1, 2, 3);
    const changes = { skip: [2] };
    const taking: WhatIfShortcut = async ({ skipped }) => (live) => ({ counter: (live.counter as number) - skipped.length * 2 });
    const declining: WhatIfShortcut = async () => undefined;
    expect(await whatIf(store, [counter], 2, changes, { shortcut: taking })).toMatchObject({ states: { counter: 4 }, method: 'partitioned' });
    expect(await whatIf(store, [counter], 2, changes, { shortcut: declining })).toMatchObject({ states: { counter: 4 }, method: 'replayed' });
  });

  test('a replayed branch reports its progress', async () => {
    const store = await counterStore(1, 2, 3, 4, 5);
    const progress: number[] = [];
    await whatIf(store, [counter], 2, {}, { batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([0, 2, 4]);
  });

  test('bad changes are refused before anything is replayed', async () => {
    const store = await counterStore(1, 2);
    await expect(whatIf(store, [counter], 2, { skip: [1] })).rejects.toThrow(/cannot be skipped/);
    await expect(whatIf(store, [counter], 0, {})).rejects.toThrow(RangeError);
    await expect(whatIf(store, [counter], 1, { inject: [{ afterSeq: 1, stream: 's', event: { type: '' } }] })).rejects.toThrow(
      InvalidEventError,
    );
    await expect(
      whatIf(store, [counter], 1, { inject: [{ afterSeq: 1, stream: 's', event: { type: 'X', payload: { d: new Date() } as never } }] }),
    ).rejects.toThrow(/Date/);
    expect(await store.lastSeq()).toBe(2);
  });
});
