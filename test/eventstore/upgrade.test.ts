import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { PAGE_SIZE, type StoredEvent } from '../../src/eventstore/index.ts';
import { closeStores, openStore, range, seqs } from './helpers.ts';

afterEach(closeStores);

/** The version-1 schema, as the app shipped it: one record per event. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
  db.version(1).stores({
    events: 'meta.seq, &meta.id, [meta.stream+meta.version], meta.at, type',
    streams: 'stream',
    snapshots: '[name+version+seq]',
    checkpoints: 'name',
    documents: 'id, kind',
  });
  return db;
}

it('upgrading a version-1 database keeps every event, stream, snapshot and checkpoint', async () => {
  const count = 2 * PAGE_SIZE + 77;
  const versions = new Map<string, number>();
  const events: StoredEvent[] = range(1, count).map((seq) => {
    const stream = `account-${seq % 5}`;
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + seq * 1000).toISOString();
    return { type: 'Deposited', payload: { amount: seq, note: 'naïve ☕' }, meta: { id: `v1-${seq}`, seq, stream, version, at, correlationId: `c-${seq % 9}` } };
  });
  const v1 = openVersion1('rewind-test');
  await v1.table('events').bulkAdd(events);
  await v1.table('streams').bulkPut([...versions].map(([stream, version]) => ({ stream, version, lastSeq: Math.max(...events.filter((e) => e.meta.stream === stream).map((e) => e.meta.seq)) })));
  await v1.table('snapshots').put({ name: 'accounts', version: 1, seq: 600, savedAt: '2026-01-02T00:00:00.000Z', state: { total: 42 } });
  await v1.table('checkpoints').put({ name: 'pm:mail', seq: 700 });
  v1.close();

  const store = await openStore();
  expect(store.db.verno).toBe(2);
  expect(await store.readAll()).toEqual(events);
  expect(await store.lastSeq()).toBe(count);
  expect(await store.db.pages.count()).toBe(2);
  expect(await store.readStream('account-3')).toEqual(events.filter((e) => e.meta.stream === 'account-3'));
  expect(await store.readStream('account-0', { direction: 'backward', limit: 2 })).toEqual(events.filter((e) => e.meta.stream === 'account-0').slice(-2).reverse());
  expect((await store.listStreams()).map((s) => [s.stream, s.version]).sort()).toEqual([...versions].sort());
  expect(await store.loadSnapshot('accounts', 1)).toMatchObject({ seq: 600, state: { total: 42 } });
  expect(await store.getCheckpoint('pm:mail')).toBe(700);
  expect(await store.hasIds(['v1-1', `v1-${count}`, 'v1-none'])).toEqual(new Map([['v1-1', 1], [`v1-${count}`, count]]));
  expect(await store.seqAtTime(events[PAGE_SIZE + 4]!.meta.at)).toBe(PAGE_SIZE + 5);

  await expect(store.append('account-1', [{ type: 'Deposited', meta: { id: 'v1-3' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });
  const next = await store.append('account-1', [{ type: 'Deposited', payload: { amount: 1 } }], { expectedVersion: versions.get('account-1')! });
  expect(next).toMatchObject({ firstSeq: count + 1, version: versions.get('account-1')! + 1 });
  expect(seqs(await store.readAll({ fromSeq: count - 1 }))).toEqual([count - 1, count, count + 1]);
});
