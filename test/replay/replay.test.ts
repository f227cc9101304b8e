import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { ReplayError, replay, saveSnapshots, stateAt } from '../../src/replay/index.ts';
import { count, counter, seen, steppingClock } from './counter.ts';
import { removeTailEvent, replaceStoredEvent } from '../eventstore/damage.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

async function counterStore(...steps: number[]) {
  const store = await openEventStore({ name: 'replay', clock: steppingClock() });
  await count(store, ...steps);
  return store;
}

describe('snapshots on replay', () => {
  test('a snapshot of another projection version is ignored', async () => {
    const store = await counterStore(1, 2, 3);
    await store.saveSnapshot({ name: 'counter', version: 2, seq: 3, state: 1000 });
    expect((await replay(store, [counter])).states.counter).toBe(6);
  });

  test('a malformed snapshot is ignored and the state rebuilt from events', async () => {
    const store = await counterStore(1, 2, 3);
    await databaseOf(store).snapshots.put({ name: 'counter', version: 1, seq: 3, savedAt: '', state: undefined });
    const ignored: string[] = [];
    const result = await replay(store, [counter], { onSnapshotIgnored: (name) => ignored.push(name) });
    expect(result.states.counter).toBe(6);
    expect(ignored).toEqual(['counter']);
  });

  test('snapshots are kept as JSON text and resumed from; damaged text is ignored', async () => {
    const store = await counterStore(1, 2, 3, 4);
    await saveSnapshots(store, [counter, seen], { counter: { seq: 3, state: 6 }, seen: { seq: 2, state: { count: 2, lastSeq: 2 } } });
    expect((await store.loadSnapshot('seen', 1))?.state).toEqual({ encoding: 'json', json: '{"count":2,"lastSeq":2}' });
    expect((await replay(store, [counter, seen])).states).toEqual({ counter: 10, seen: { count: 4, lastSeq: 4 } });

    await store.saveSnapshot({ name: 'counter', version: 1, seq: 4, state: { encoding: 'json', json: '{"truncat' } });
    const ignored: string[] = [];
    expect((await replay(store, [counter], { onSnapshotIgnored: (name) => ignored.push(name) })).states.counter).toBe(10);
    expect(ignored).toEqual(['counter']);
  });

  test('each projection resumes from its own snapshot (written before states were kept as JSON text)', async () => {
    const store = await counterStore(1, 2, 3, 4);
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 3, state: 6 });
    await store.saveSnapshot({ name: 'seen', version: 1, seq: 1, state: { count: 1, lastSeq: 1 } });
    const result = await replay(store, [counter, seen]);
    expect(result.states).toEqual({ counter: 10, seen: { count: 4, lastSeq: 4 } });
  });

  test('a snapshot past the log\'s end is no starting point: the replay starts from the newest one at or before it', async () => {
    const store = await counterStore(1, 2, 3);
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 2, state: 3 });
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 9, state: 1000 });
    expect(await replay(store, [counter])).toMatchObject({ seq: 3, fromSeq: 2, states: { counter: 6 } });
  });
});

describe('damaged logs', () => {
  test('a missing event record stops the replay with an error naming its seq', async () => {
    const store = await counterStore(1, 2, 3, 4);
    await removeTailEvent(store, 3);
    const error = await replay(store, [counter]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).seq).toBe(3);
  });

  test('a damaged event record stops the replay with an error naming its seq', async () => {
    const store = await counterStore(1, 2, 3);
    await replaceStoredEvent(store, 2, () => ({ meta: { seq: 2 } }));
    await expect(replay(store, [counter])).rejects.toMatchObject({ name: 'ReplayError', seq: 2 });
  });
});

describe('time travel', () => {
  test('stateAt a seq gives the state after that event, leaving the log alone', async () => {
    const store = await counterStore(5, -1, 10, 2);
    expect((await stateAt(store, [counter], 0)).states.counter).toBe(0);
    expect((await stateAt(store, [counter], 2)).states.counter).toBe(4);
    expect((await stateAt(store, [counter], 99)).seq).toBe(4);
    expect(await store.lastSeq()).toBe(4);
  });

  test('stateAt a time gives the state after the newest event recorded by then', async () => {
    const store = await counterStore(5, -1, 10, 2); // recorded at 00:00, 00:01, 00:02, 00:03
    const at = await stateAt(store, [counter], new Date(Date.UTC(2026, 0, 1, 0, 2, 30)));
    expect(at).toMatchObject({ seq: 3, states: { counter: 14 } });
    expect((await stateAt(store, [counter], new Date(Date.UTC(2025, 0, 1)))).seq).toBe(0);
  });

  test('uses the nearest keyframe at or before the point', async () => {
    const store = await counterStore(1, 1, 1, 1, 1, 1);
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 2, state: 2 });
    await store.saveSnapshot({ name: 'counter', version: 1, seq: 5, state: 5 });
    const progress: number[] = [];
    const result = await stateAt(store, [counter], 4, { onProgress: (p) => progress.push(p.total) });
    expect(result.states.counter).toBe(4);
    expect(progress[0]).toBe(2);
  });
});
