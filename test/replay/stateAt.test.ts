import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { ledgerProjections, syntheticLedger } from '../../src/domain/index.ts';
import { appendGenerated } from '../../src/app/parts.ts';
import type { EventStore } from '../../src/eventstore/index.ts';
import { foldAll, foldInto, initialCursors, pastStates, ReplayError, saveSnapshots, stateAt, type TravelMemo } from '../../src/replay/index.ts';
import { count, counter, seen, steppingClock } from './counter.ts';

let logs = 0;

describe('time travel from keyframes', () => {
  test('gives the state of replaying from the first event to the point, for random ledgers, keyframes and points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 20, max: 120 }),
        fc.uniqueArray(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        async (seed, size, keyframePicks, pointPicks) => {
          const events = [...syntheticLedger({ accounts: 3, events: size, seed, spanDays: 3 })];
          const store = await openEventStore({ name: `travel-${++logs}`, keyframes: 10 });
          await appendGenerated(store, events);
          // Keyframes as the memory image leaves them: every read model saved at a few seqs.
          const cursors = initialCursors(ledgerProjections);
          let folded = 0;
          const keyframes = [...new Set(keyframePicks.map((p) => 1 + (p % size)))].sort((a, b) => a - b);
          for (const seq of keyframes) {
            foldInto(ledgerProjections, cursors, events.slice(folded, seq));
            folded = seq;
            await saveSnapshots(store, ledgerProjections, cursors, (error) => {
              throw error;
            });
          }
          // One memo across the jumps, as a time-travel session keeps it.
          const memo: TravelMemo = new Map();
          for (const point of pointPicks.map((p) => p % (size + 1))) {
            const past = await stateAt(store, ledgerProjections, point);
            expect(past.seq).toBe(point);
            // A jump starts from the nearest keyframe at or before its point.
            expect(past.fromSeq).toBe(Math.max(0, ...keyframes.filter((k) => k <= point)));
            expect(past.states).toEqual(foldAll(ledgerProjections, events.slice(0, point)));
            // A jump lands on the same states, from the keyframes alone or with an earlier view as a head start.
            const jumped = await pastStates(store, ledgerProjections, point);
            expect(jumped).toEqual({ seq: point, at: events[point - 1]?.meta.at, states: past.states });
            const earlier = pointPicks[0]! % (point + 1);
            const shown = { seq: earlier, states: foldAll(ledgerProjections, events.slice(0, earlier)) };
            expect(await pastStates(store, ledgerProjections, point, shown)).toEqual(jumped);
            expect(await pastStates(store, ledgerProjections, point, undefined, memo)).toEqual(jumped);
          }
          store.close();
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});

/** A log of the synthetic ledger with every read model's keyframe at seq 100, as the memory image leaves them. */
async function keyframedAt100(name: string, ledger: Parameters<typeof syntheticLedger>[0]) {
  const events = [...syntheticLedger(ledger)];
  const store = await openEventStore({ name, keyframes: 10 });
  await appendGenerated(store, events);
  const cursors = initialCursors(ledgerProjections);
  foldInto(ledgerProjections, cursors, events.slice(0, 100));
  await saveSnapshots(store, ledgerProjections, cursors, (error) => {
    throw error;
  });
  return { events, store };
}

describe('time travel stepping within one keyframe\'s stretch', () => {
  test('loads each keyframe once and lands on the states a fresh jump gives', async () => {
    const { events, store } = await keyframedAt100(`steps-${++logs}`, { accounts: 4, events: 300, seed: 8, spanDays: 3 });
    const memo: TravelMemo = new Map();
    const loads = vi.spyOn(store, 'loadSnapshot');
    let shown = await pastStates(store, ledgerProjections, 250, undefined, memo);
    expect(loads).toHaveBeenCalledTimes(ledgerProjections.length);
    // Steps back: each starts before the view on screen, so from the keyframe at 100, already decoded.
    for (const point of [249, 248, 200, 101]) {
      shown = await pastStates(store, ledgerProjections, point, shown, memo);
      expect(shown.states).toEqual(foldAll(ledgerProjections, events.slice(0, point)));
    }
    expect(loads).toHaveBeenCalledTimes(ledgerProjections.length);
    // Before the keyframe: no keyframe to start from, so from the beginning.
    expect((await pastStates(store, ledgerProjections, 99, shown, memo)).states).toEqual(foldAll(ledgerProjections, events.slice(0, 99)));
    store.close();
  });
});

describe('time travel stepping back through a long stretch after a keyframe', () => {
  test('starts each step back from the state a jump kept a thousand events before its point, folding at most that many', async () => {
    const { events, store } = await keyframedAt100(`waypoints-${++logs}`, { accounts: 6, events: 2500, seed: 4, spanDays: 20 });
    const reads: number[] = [];
    const watched: EventStore = {
      ...store,
      readAll: (options) => {
        reads.push(options?.fromSeq ?? 0);
        return store.readAll(options);
      },
    };
    const memo: TravelMemo = new Map();
    let shown = await pastStates(watched, ledgerProjections, 2400, undefined, memo);
    expect(Math.min(...reads)).toBe(101);
    reads.length = 0;
    for (const point of [2399, 2150, 1401]) {
      shown = await pastStates(watched, ledgerProjections, point, shown, memo);
      expect(shown.states).toEqual(foldAll(ledgerProjections, events.slice(0, point)));
      // The jump to 2400 kept the states at 1400 on its way from the keyframe at 100.
      expect(Math.min(...reads)).toBe(1401);
      reads.length = 0;
    }
    // Past that, from the keyframe again, keeping the states at 300 for the steps after.
    for (const [point, from] of [[1300, 101], [1299, 301], [301, 301]] as const) {
      shown = await pastStates(watched, ledgerProjections, point, shown, memo);
      expect(shown.states).toEqual(foldAll(ledgerProjections, events.slice(0, point)));
      expect(Math.min(...reads)).toBe(from);
      reads.length = 0;
    }
    store.close();
  });
});

describe('a time-travel jump', () => {
  async function counted(...steps: number[]) {
    const store = await openEventStore({ name: `jump-${++logs}`, clock: steppingClock() });
    await count(store, ...steps);
    return store;
  }

  /** The store, with the event ranges it is asked to read and the snapshots it loads written down. */
  function watched(store: EventStore) {
    const reads: [number | undefined, number | undefined][] = [];
    const loads: string[] = [];
    const watchedStore: EventStore = {
      ...store,
      readAll: (options) => {
        reads.push([options?.fromSeq, options?.toSeq]);
        return store.readAll(options);
      },
      loadSnapshot: (name, version, maxSeq) => {
        loads.push(name);
        return store.loadSnapshot(name, version, maxSeq);
      },
    };
    return { store: watchedStore, reads, loads };
  }

  test('reads only the events after the keyframe, in one go, while the keyframe loads', async () => {
    const store = await counted(1, 2, 3, 4, 5);
    await saveSnapshots(store, [counter, seen], { counter: { seq: 2, state: 3 }, seen: { seq: 3, state: { count: 3, lastSeq: 3 } } });
    const { store: s, reads, loads } = watched(store);
    expect(await pastStates(s, [counter, seen], 4)).toEqual({ seq: 4, at: '2026-01-01T00:03:00.000Z', states: { counter: 10, seen: { count: 4, lastSeq: 4 } } });
    expect(reads).toEqual([[3, 4]]);
    expect(loads.sort()).toEqual(['counter', 'seen']);
  });

  test('on a keyframe it still reads the event there for its time, and at 0 it reads nothing', async () => {
    const store = await counted(1, 2, 3);
    await saveSnapshots(store, [counter], { counter: { seq: 2, state: 3 } });
    const { store: s, reads } = watched(store);
    expect(await pastStates(s, [counter], 2)).toEqual({ seq: 2, at: '2026-01-01T00:01:00.000Z', states: { counter: 3 } });
    expect(await pastStates(s, [counter], 0)).toEqual({ seq: 0, at: undefined, states: { counter: 0 } });
    expect(reads).toEqual([[2, 2]]);
  });

  test('goes on from the view shown when it is nearer than the keyframe, loading no keyframe', async () => {
    const store = await counted(1, 2, 3, 4, 5);
    await saveSnapshots(store, [counter], { counter: { seq: 1, state: 1 } });
    const { store: s, reads, loads } = watched(store);
    const shown = { seq: 3, states: { counter: 6 } };
    expect((await pastStates(s, [counter], 5, shown)).states).toEqual({ counter: 15 });
    expect(reads).toEqual([[4, 5]]);
    expect(loads).toEqual([]);
    // A view after the point, or older than the keyframe, is no head start.
    expect((await pastStates(s, [counter], 2, shown)).states).toEqual({ counter: 3 });
    expect((await pastStates(s, [counter], 5, { seq: 0, states: { counter: 0 } })).states).toEqual({ counter: 15 });
    expect(reads.slice(1)).toEqual([[2, 2], [2, 5]]);
  });

  test('a keyframe gone between finding and loading it: the jump replays instead, and lands right', async () => {
    const store = await counted(1, 2, 3, 4);
    await saveSnapshots(store, [counter], { counter: { seq: 1, state: 1 } });
    const stale: EventStore = { ...store, snapshotSeq: () => Promise.resolve(3) };
    expect(await pastStates(stale, [counter], 4)).toEqual({ seq: 4, at: '2026-01-01T00:03:00.000Z', states: { counter: 10 } });
  });

  test('a missing event stops the jump with a ReplayError naming it', async () => {
    const store = await counted(1, 2, 3, 4);
    const holed: EventStore = { ...store, readAll: async (options) => (await store.readAll(options)).filter((e) => e.meta.seq !== 4) };
    await expect(pastStates(holed, [counter], 4)).rejects.toThrow(ReplayError);
    await expect(pastStates(holed, [counter], 4)).rejects.toMatchObject({ seq: 4 });
  });
});
