import { describe, expect, test, vi } from 'vitest';
import { EVENTS_PER_PAGE, openEventStore, type EventStore } from '../../../src/eventstore/index.ts';
import { createMemoryImage } from '../../../src/app/image/memoryImage.ts';
import { count, counter, seen } from '../../replay/counter.ts';
import { PAGE_DAMAGES, removeTailEvent, rewritePages } from '../../eventstore/damage.ts';
import { decodeState, encodeState, foldAll } from '../../../src/replay/index.ts';
import { untilState } from '../../support/untilState.ts';

/** The counter's newest snapshot as the image saved it (states are kept as JSON text). */
async function savedCounter(store: EventStore) {
  const snapshot = await store.loadSnapshot('counter', 1);
  return snapshot && { seq: snapshot.seq, state: decodeState(snapshot.state) };
}

describe('the memory image', () => {
  test('boots with progress, then follows live appends', async () => {
    const store = await openEventStore({ name: 'image' });
    await count(store, 1, 1, -1, 4);
    const progress: number[][] = [];
    const image = createMemoryImage({ eventStore: store, projections: [counter], snapshotEvery: 1000 });
    image.subscribe((s) => progress.push([s.progress.done, s.progress.total]));
    await image.ready;
    expect(image.getState()).toMatchObject({ status: 'ready', seq: 4, states: { counter: 5 } });
    expect(progress).toContainEqual([4, 4]);
    await count(store, 1);
    expect((await untilState(image, (s) => s.seq === 5)).states.counter).toBe(6);
    image.stop();
  });

  test('sees appends made through another connection (another tab)', async () => {
    const tabA = await openEventStore({ name: 'image' });
    const tabB = await openEventStore({ name: 'image' });
    const image = createMemoryImage({ eventStore: tabA, projections: [counter] });
    await image.ready;
    await count(tabB, 7);
    expect((await untilState(image, (s) => s.seq === 1)).states.counter).toBe(7);
    image.stop();
  });

  test('snapshots every N events, and a reload resumes from snapshot + tail', async () => {
    const store = await openEventStore({ name: 'image' });
    const image = createMemoryImage({ eventStore: store, projections: [counter, seen], snapshotEvery: 3 });
    await image.ready;
    await count(store, 1, 1, -1, 4, 1);
    await untilState(image, (s) => s.seq === 5);
    // Live events arrive in batches, so "every 3" means at most 3 apart, not exactly at 3; and a due
    // snapshot waits until the log is quiet for a moment.
    await vi.waitFor(async () => expect((await store.loadSnapshot('counter', 1))?.seq ?? 0).toBeGreaterThanOrEqual(3));
    await image.snapshotNow();
    expect(await savedCounter(store)).toEqual({ seq: 5, state: 6 });
    image.stop();
    await count(store, 10);

    const reloaded = createMemoryImage({ eventStore: store, projections: [counter, seen] });
    await reloaded.ready;
    expect(reloaded.getState()).toMatchObject({
      seq: 6,
      states: { counter: 16, seen: { count: 6, lastSeq: 6 } },
      boot: { fromSeq: 5, replayed: 1 },
    });
    reloaded.stop();
  });

  test('a snapshot ten times overdue waits for the next task, so the commit that made it due is seen first; a due one waits for quiet', async () => {
    const store = await openEventStore({ name: 'image' });
    const image = createMemoryImage({ eventStore: store, projections: [counter], snapshotEvery: 2 });
    await image.ready;
    const saves = vi.spyOn(store, 'saveSnapshot');

    // One commit of 20 events: 10x snapshotEvery past the last snapshot (none).
    await store.append('counter-1', Array.from({ length: 20 }, () => ({ type: 'Counted', payload: { by: 1 } })));
    await image.reached(20);
    expect(saves).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(saves).toHaveBeenCalledTimes(1));
    expect(await savedCounter(store)).toEqual({ seq: 20, state: 20 });

    // Due (2 more) but not overdue: nothing until the log has been quiet for a while.
    await count(store, 1, 1);
    await image.reached(22);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saves).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(saves).toHaveBeenCalledTimes(2));
    expect(await savedCounter(store)).toEqual({ seq: 22, state: 22 });
    image.stop();
  });

  test('the writing tab deletes snapshots of read models no longer in use once booted; other tabs leave them', async () => {
    const store = await openEventStore({ name: 'image' });
    await count(store, 1, 2);
    await store.saveSnapshot({ name: 'gone', version: 1, seq: 1, state: 0 });
    await store.saveSnapshot({ name: 'counter', version: 0, seq: 1, state: 0 });
    const reader = createMemoryImage({ eventStore: store, projections: [counter], mayWriteSnapshots: () => false });
    await reader.ready;
    expect(await store.loadSnapshot('gone', 1)).toBeDefined();
    reader.stop();

    const writer = createMemoryImage({ eventStore: store, projections: [counter] });
    await writer.ready;
    await vi.waitFor(async () => expect(await store.loadSnapshot('gone', 1)).toBeUndefined());
    expect(await store.loadSnapshot('counter', 0)).toBeUndefined();
    expect(writer.getState().states.counter).toBe(3);
    writer.stop();
  });

  test('snapshotNow saves the current state when the page is hidden', async () => {
    const store = await openEventStore({ name: 'image' });
    await count(store, 2, 2);
    const image = createMemoryImage({ eventStore: store, projections: [counter] });
    await image.ready;
    await image.snapshotNow();
    expect(await savedCounter(store)).toEqual({ seq: 2, state: 4 });
    image.stop();
  });

  test('a tab that is not the snapshot writer never writes one', async () => {
    const store = await openEventStore({ name: 'image' });
    await count(store, 1, 1, 1);
    const image = createMemoryImage({ eventStore: store, projections: [counter], snapshotEvery: 1, mayWriteSnapshots: () => false });
    await image.ready;
    await image.snapshotNow();
    expect(await store.loadSnapshot('counter', 1)).toBeUndefined();
    image.stop();
  });

  describe('with read models left for later', () => {
    test('the first screen\'s read models are in first; the others load right after, and only then is the image ready', async () => {
      const store = await openEventStore({ name: 'image' });
      await count(store, 2, 3, 4);
      const image = createMemoryImage({ eventStore: store, projections: [counter, seen], later: ['seen'] });
      const partial = await untilState(image, (s) => s.status !== 'booting');
      expect(partial).toMatchObject({ status: 'partial', seq: 3, pending: ['seen'], states: { counter: 9 } });
      expect(() => partial.states.seen).toThrow('The seen read model is still loading: wait for the memory image to be ready.');
      // Nothing that reads every read model is let through yet.
      const reachedWhen: string[] = [];
      void image.reached(3).then(() => reachedWhen.push(image.getState().status));

      await image.ready;
      expect(image.getState()).toMatchObject({
        status: 'ready',
        seq: 3,
        pending: [],
        states: { counter: 9, seen: { count: 3, lastSeq: 3 } },
        boot: { fromSeq: 0, replayed: 3 },
      });
      await vi.waitFor(() => expect(reachedWhen).toEqual(['ready']));
      image.stop();
    });

    test('events recorded while the later read models load end up in every read model, as a replay from the first event gives', async () => {
      const store = await openEventStore({ name: 'image' });
      await count(store, 1, 1, 1);
      await store.saveSnapshot({ name: 'counter', version: 1, seq: 3, state: encodeState(3) });
      await store.saveSnapshot({ name: 'seen', version: 1, seq: 2, state: encodeState({ count: 2, lastSeq: 2 }) });
      const image = createMemoryImage({ eventStore: store, projections: [counter, seen], later: ['seen'] });
      await untilState(image, (s) => s.status === 'partial');
      // Another tab goes on recording while this one loads the rest.
      await count(store, 5, 7);
      await image.ready;
      await count(store, 10);
      const after = await untilState(image, (s) => s.seq === 6);
      expect(after.states).toEqual(foldAll([counter, seen], await store.readAll()));
      expect(after.states).toEqual({ counter: 25, seen: { count: 6, lastSeq: 6 } });
      image.stop();
    });

    test('a later read model whose snapshot cannot be read is rebuilt from the events', async () => {
      const store = await openEventStore({ name: 'image' });
      await count(store, 4, 4);
      await store.saveSnapshot({ name: 'seen', version: 1, seq: 2, state: { encoding: 'json', json: '{"count":' } });
      const image = createMemoryImage({ eventStore: store, projections: [counter, seen], later: ['seen'] });
      await image.ready;
      expect(image.getState()).toMatchObject({ status: 'ready', states: { counter: 8, seen: { count: 2, lastSeq: 2 } } });
      image.stop();
    });

    test('no snapshot is written until every read model is in', async () => {
      const store = await openEventStore({ name: 'image' });
      await count(store, 1, 2, 3, 4, 5);
      const saves = vi.spyOn(store, 'saveSnapshot');
      const image = createMemoryImage({ eventStore: store, projections: [counter, seen], later: ['seen'], snapshotEvery: 1 });
      await untilState(image, (s) => s.status === 'partial');
      await image.snapshotNow();
      expect(saves).not.toHaveBeenCalled();
      await image.ready;
      await image.snapshotNow();
      expect(saves.mock.calls.map(([s]) => s.name).sort()).toEqual(['counter', 'seen']);
      image.stop();
    });
  });

  test('a damaged record fails the boot with the seq, instead of showing a wrong state', async () => {
    const store = await openEventStore({ name: 'image' });
    await count(store, 1, 1, 1);
    await removeTailEvent(store, 2);
    const image = createMemoryImage({ eventStore: store, projections: [counter], onError: () => {} });
    await image.ready;
    expect(image.getState()).toMatchObject({ status: 'failed', error: { seq: 2 } });
  });

  test('a damaged line in a sealed page fails the boot with its seq, so everything before it can be exported', async () => {
    const store = await openEventStore({ name: 'image' });
    await store.append('counter-1', Array.from({ length: EVENTS_PER_PAGE + 10 }, () => ({ type: 'Counted', payload: { by: 1 } })));
    await store.settled();
    await rewritePages(store, 'ascii', { firsts: [1], change: PAGE_DAMAGES['cut inside a line'] });
    const errors: unknown[] = [];
    const image = createMemoryImage({ eventStore: store, projections: [counter], onError: (error) => errors.push(error) });
    await image.ready;
    expect(image.getState()).toMatchObject({ status: 'failed', error: { seq: 300, message: expect.stringContaining('Event 300 is damaged') as string } });
    expect(errors).toHaveLength(1);
  });
});
