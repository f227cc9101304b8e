import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../src/eventstore/index.ts';
import { closeStores, openStore, range, T0 } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

afterEach(closeStores);

const save = (store: EventStore, name: string, version: number, seq: number) =>
  store.saveSnapshot({ name, version, seq, state: { name, version, seq, nested: { list: [seq] } } });

const storedSeqs = async (store: EventStore, name: string, version: number) =>
  (await databaseOf(store).snapshots.toArray()).filter((s) => s.name === name && s.version === version).map((s) => s.seq);

describe('snapshots', () => {
  it('load the newest one at or below maxSeq', async () => {
    const store = await openStore();
    for (const seq of [20, 10, 30]) await save(store, 'balance', 1, seq);
    expect((await store.loadSnapshot('balance', 1))?.seq).toBe(30);
    expect((await store.loadSnapshot('balance', 1, 29))?.seq).toBe(20);
    expect((await store.loadSnapshot('balance', 1, 20))?.seq).toBe(20);
    expect((await store.loadSnapshot('balance', 1, 10))?.seq).toBe(10);
    expect(await store.loadSnapshot('balance', 1, 9)).toBeUndefined();
  });

  it('tell the seq loadSnapshot would load without loading it', async () => {
    const store = await openStore();
    for (const seq of [20, 10, 30]) await save(store, 'balance', 1, seq);
    await save(store, 'balance', 2, 25);
    expect(await store.snapshotSeq('balance', 1)).toBe(30);
    expect(await store.snapshotSeq('balance', 1, 29)).toBe(20);
    expect(await store.snapshotSeq('balance', 1, 10)).toBe(10);
    expect(await store.snapshotSeq('balance', 1, 9)).toBeUndefined();
    expect(await store.snapshotSeq('balance', 3)).toBeUndefined();
  });

  it('come back as saved, stamped with the clock', async () => {
    const store = await openStore();
    await save(store, 'balance', 1, 5);
    expect(await store.loadSnapshot('balance', 1)).toStrictEqual({
      name: 'balance',
      version: 1,
      seq: 5,
      savedAt: T0,
      state: { name: 'balance', version: 1, seq: 5, nested: { list: [5] } },
    });
  });

  it('replace a snapshot saved again at the same seq', async () => {
    const store = await openStore();
    await store.saveSnapshot({ name: 'p', version: 1, seq: 5, state: 'old' });
    await store.saveSnapshot({ name: 'p', version: 1, seq: 5, state: 'new' });
    expect((await store.loadSnapshot('p', 1))?.state).toBe('new');
    expect(await storedSeqs(store, 'p', 1)).toEqual([5]);
  });

  it('are kept apart by projection version and name', async () => {
    const store = await openStore();
    await save(store, 'balance', 1, 10);
    await save(store, 'balance', 2, 5);
    await save(store, 'balances', 1, 50);
    await save(store, 'budget', 1, 40);
    expect((await store.loadSnapshot('balance', 1))?.state).toMatchObject({ version: 1, seq: 10 });
    expect((await store.loadSnapshot('balance', 2))?.state).toMatchObject({ version: 2, seq: 5 });
    expect(await store.loadSnapshot('balance', 3)).toBeUndefined();
    expect(await store.loadSnapshot('balanc', 1)).toBeUndefined();
    expect((await store.loadSnapshot('budget', 1))?.seq).toBe(40);
  });

  it('are bounded in number as keyframes: the newest stays and the rest spread over history', async () => {
    const store = await openStore({ keyframes: 4 });
    for (const seq of range(1, 40)) await save(store, 'balance', 1, seq * 100);
    await save(store, 'other', 1, 7);
    await save(store, 'balance', 2, 7);
    const kept = (await storedSeqs(store, 'balance', 1)).sort((a, b) => a - b);
    expect(kept).toHaveLength(4);
    expect(kept.at(-1)).toBe(4000);
    // Any past position is within a few "even shares" of a keyframe, not just the last 4 saves.
    const gaps = kept.map((seq, i) => seq - (i === 0 ? 0 : kept[i - 1]!));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * (4000 / 4));
    // Pruning one projection version leaves the others alone.
    expect(await storedSeqs(store, 'other', 1)).toEqual([7]);
    expect(await storedSeqs(store, 'balance', 2)).toEqual([7]);
  });

  it('keep 24 keyframes per projection version by default', async () => {
    const store = await openStore();
    for (const seq of range(1, 30)) await save(store, 'p', 1, seq);
    const kept = await storedSeqs(store, 'p', 1);
    expect(kept).toHaveLength(24);
    expect(Math.max(...kept)).toBe(30);
  });

  it('are deleted for one projection (every version) or all', async () => {
    const store = await openStore();
    await save(store, 'balance', 1, 10);
    await save(store, 'balance', 2, 20);
    await save(store, 'budget', 1, 30);
    await save(store, 'balance-x', 1, 40);
    await store.deleteSnapshots('balance');
    expect(await store.loadSnapshot('balance', 1)).toBeUndefined();
    expect(await store.loadSnapshot('balance', 2)).toBeUndefined();
    expect((await store.loadSnapshot('budget', 1))?.seq).toBe(30);
    expect((await store.loadSnapshot('balance-x', 1))?.seq).toBe(40);
    await store.deleteSnapshots();
    expect(await databaseOf(store).snapshots.count()).toBe(0);
  });

  it('are pruned to the projections and versions still in use, keeping every keyframe of those', async () => {
    const store = await openStore();
    for (const seq of [10, 20]) await save(store, 'balance', 2, seq);
    await save(store, 'balance', 1, 30);
    await save(store, 'history', 1, 40);
    await save(store, 'budget', 1, 50);
    expect(await store.pruneSnapshots([{ name: 'balance', version: 2 }, { name: 'budget', version: 1 }])).toBe(2);
    expect(await storedSeqs(store, 'balance', 2)).toEqual([10, 20]);
    expect((await store.loadSnapshot('budget', 1))?.seq).toBe(50);
    expect(await store.loadSnapshot('balance', 1)).toBeUndefined();
    expect(await store.loadSnapshot('history', 1)).toBeUndefined();
    expect(await store.pruneSnapshots([{ name: 'balance', version: 2 }, { name: 'budget', version: 1 }])).toBe(0);
  });

  it('are seen by another store on the same database', async () => {
    const tab1 = await openStore();
    const tab2 = await openStore();
    await save(tab1, 'balance', 1, 3);
    expect((await tab2.loadSnapshot('balance', 1))?.seq).toBe(3);
  });
});
