import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventInput } from '../../src/eventstore/index.ts';
import { closeStores, openStore, range, record, seqs, settle } from './helpers.ts';

afterEach(closeStores);

const events = (n: number): EventInput[] => Array.from({ length: n }, (_, i) => ({ type: 'E', payload: { i } }));

describe('subscribe', () => {
  it('catches up from an old seq (inclusive), then goes live', async () => {
    const store = await openStore();
    await store.append('a', events(3));
    await store.append('b', events(2));
    const sub = record(store, 2);
    await sub.until(4);
    expect(seqs(sub.received())).toEqual([2, 3, 4, 5]);
    expect(sub.received()).toEqual(await store.readAll({ fromSeq: 2 }));

    await store.append('c', events(2));
    await store.append('a', events(1));
    await sub.until(7);
    expect(seqs(sub.received())).toEqual(range(2, 8));
    expect(sub.errors).toEqual([]);
  });

  it('from 0 or 1 starts at the first event, and past the end waits for it', async () => {
    const store = await openStore();
    await store.append('a', events(2));
    const fromZero = record(store, 0);
    const fromOne = record(store, 1);
    const ahead = record(store, 4);
    await fromZero.until(2);
    await fromOne.until(2);
    await store.append('a', events(3));
    await fromZero.until(5);
    await ahead.until(2);
    expect(seqs(fromZero.received())).toEqual(range(1, 5));
    expect(seqs(fromOne.received())).toEqual(range(1, 5));
    expect(seqs(ahead.received())).toEqual([4, 5]);
  });

  it('on an empty log delivers the first append', async () => {
    const store = await openStore();
    const sub = record(store, 1);
    await settle();
    expect(sub.batches).toEqual([]);
    await store.append('a', events(1));
    await sub.until(1);
    expect(seqs(sub.received())).toEqual([1]);
  });

  it('sees appends made by another store on the same database (another tab)', async () => {
    const tab1 = await openStore();
    const tab2 = await openStore();
    await tab1.append('a', events(1));
    const sub = record(tab1, 1);
    await sub.until(1);
    await tab2.append('b', events(2));
    await sub.until(3);
    await tab2.appendMany([{ stream: 'a', events: events(1), expectedVersion: 1 }]);
    await sub.until(4);
    expect(sub.received().map((e) => [e.meta.seq, e.meta.stream])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'b'],
      [4, 'a'],
    ]);
  });

  it('stops delivering once unsubscribed', async () => {
    const store = await openStore();
    const stopped = record(store, 1);
    await store.append('a', events(1));
    await stopped.until(1);
    stopped.stop();
    const control = record(store, 1);
    await store.append('a', events(2));
    await control.until(3);
    await settle();
    expect(seqs(stopped.received())).toEqual([1]);
  });

  it('stops delivering when unsubscribed in the middle of a catch-up', async () => {
    const store = await openStore();
    await store.append('a', events(1200));
    const batches: number[] = [];
    const stop = store.subscribe(1, (batch) => {
      batches.push(batch.length);
      stop();
    });
    const control = record(store, 1);
    await control.until(1200);
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toBeLessThan(1200);
  });

  it('delivers an append made while the handler was still busy with the last batch', async () => {
    const store = await openStore();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const got: number[] = [];
    store.subscribe(1, async (batch) => {
      got.push(...seqs(batch));
      if (got.length === 1) await gate;
    });
    await store.append('a', events(1));
    await vi.waitFor(() => expect(got).toEqual([1]));
    await store.append('a', events(1));
    release();
    await vi.waitFor(() => expect(got).toEqual([1, 2]));
  });

  it('stops delivering to a subscription of a store that was closed', async () => {
    const tab1 = await openStore();
    const tab2 = await openStore();
    const sub = record(tab1, 1);
    const control = record(tab2, 1);
    tab1.close();
    await tab2.append('a', events(1));
    await control.until(1);
    await settle();
    expect(sub.batches).toEqual([]);
    expect(sub.errors).toEqual([]);
  });

  it('reports a throwing handler through onError and keeps other subscriptions going', async () => {
    const store = await openStore();
    const boom = new Error('handler broke');
    const onError = vi.fn();
    store.subscribe(1, () => {
      throw boom;
    }, onError);
    store.subscribe(1, () => Promise.reject(boom), onError);
    const healthy = record(store, 1);
    await store.append('a', events(2));
    await healthy.until(2);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    expect(onError.mock.calls).toEqual([[boom], [boom]]);
    await store.append('a', events(1));
    await healthy.until(3);
    expect(seqs(healthy.received())).toEqual([1, 2, 3]);
    expect(healthy.errors).toEqual([]);
  });

  it('moves a failing subscription past the batch it failed on (consumers resubscribe from their checkpoints)', async () => {
    const store = await openStore();
    const seen: number[][] = [];
    const onError = vi.fn();
    store.subscribe(1, (batch) => {
      seen.push(seqs(batch));
      if (batch[0]!.meta.seq === 1) throw new Error('first batch broke');
    }, onError);
    await store.append('a', events(2));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    await store.append('a', events(1));
    await vi.waitFor(() => expect(seen).toEqual([[1, 2], [3]]));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('delivers a long catch-up in order, in batches, and never hands two batches at once to an async handler', async () => {
    const store = await openStore();
    for (let i = 0; i < 4; i++) await store.append(`s${i % 3}`, events(500));
    const batches: number[][] = [];
    let inHandler = 0;
    let overlapped = false;
    let total = 0;
    store.subscribe(1, async (batch) => {
      inHandler += 1;
      overlapped ||= inHandler > 1;
      await settle(1);
      batches.push(seqs(batch));
      total += batch.length;
      inHandler -= 1;
    });
    // Live appends race the catch-up; none may be lost, repeated or reordered.
    for (let i = 0; i < 5; i++) await store.append('live', events(2));
    await vi.waitFor(() => expect(total).toBe(2010), { timeout: 10_000, interval: 5 });
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches.map((p) => p.length))).toBeLessThan(2000);
    expect(batches.flat()).toEqual(range(1, 2010));
    expect(overlapped).toBe(false);
  });
});
