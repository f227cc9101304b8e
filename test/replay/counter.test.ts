import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { foldAll, replay } from '../../src/replay/index.ts';
import { count, counter, seen } from './counter.ts';

describe('the counter example', () => {
  test('+1, +1, -1, +4 folds to 5', async () => {
    const store = await openEventStore({ name: 'counter' });
    await count(store, 1, 1, -1, 4);
    expect(foldAll([counter], await store.readAll())).toEqual({ counter: 5 });
    expect((await replay(store, [counter])).states.counter).toBe(5);
  });

  test('losing the memory image and replaying restores 5', async () => {
    const first = await openEventStore({ name: 'counter' });
    await count(first, 1, 1, -1, 4);
    first.close();
    const reopened = await openEventStore({ name: 'counter' });
    const result = await replay(reopened, [counter], { useSnapshots: false });
    expect(result).toMatchObject({ seq: 4, states: { counter: 5 } });
  });

  test('a snapshot at 5 plus one more +1 gives 6, replaying only the tail', async () => {
    const store = await openEventStore({ name: 'counter' });
    await count(store, 1, 1, -1, 4);
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 4, state: 5 });
    await count(store, 1);
    const progress: number[] = [];
    const result = await replay(store, [counter], { onProgress: (p) => progress.push(p.total) });
    expect(result.states.counter).toBe(6);
    expect(progress.at(-1)).toBe(1);
  });

  test('the same events give the same state from the start, from any snapshot, and one at a time', async () => {
    const store = await openEventStore({ name: 'counter' });
    await count(store, 3, -2, 7, 1, 1, -5, 2, 9);
    const events = await store.readAll();
    const fromStart = foldAll([counter, seen], events);
    for (let at = 0; at <= events.length; at++) {
      const midway = foldAll([counter, seen], events.slice(0, at));
      await store.deleteSnapshots();
      await store.saveSnapshot({ name: 'counter', version: 1, seq: at, state: midway.counter });
      await store.saveSnapshot({ name: 'seen', version: 1, seq: at, state: midway.seen });
      expect((await replay(store, [counter, seen])).states).toEqual(fromStart);
    }
    let incremental = foldAll([counter, seen], []);
    const cursors = { counter: { seq: 0, state: incremental.counter }, seen: { seq: 0, state: incremental.seen } };
    const { foldInto, statesOf } = await import('../../src/replay/index.ts');
    for (const event of events) foldInto([counter, seen], cursors, [event]);
    incremental = statesOf(cursors);
    expect(incremental).toEqual(fromStart);
  });
});
