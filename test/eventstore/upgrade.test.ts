import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { EVENTS_PER_PAGE, type StoredEvent } from '../../src/eventstore/index.ts';
import { upgradeFromRows } from '../../src/eventstore/storage/schemaUpgrade.ts';
import { CHUNK, STREAM_RUNS_PER_MERGE } from '../../src/eventstore/indexes/streamRecords.ts';
import { closeStores, openStore, range, seqs } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

afterEach(closeStores);

/** The version-1 schema, as the app shipped it: one record per event. */
const VERSION_1 = {
  events: 'meta.seq, &meta.id, [meta.stream+meta.version], meta.at, type',
  streams: 'stream',
  snapshots: '[name+version+seq]',
  checkpoints: 'name',
  documents: 'id, kind',
};

function openVersion1(name: string): Dexie {
  const db = new Dexie(name, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
  db.version(1).stores(VERSION_1);
  return db;
}

it('upgrading a version-1 database keeps every event, stream, snapshot and checkpoint', async () => {
  const count = 2 * EVENTS_PER_PAGE + 77;
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
  expect(databaseOf(store).verno).toBe(3);
  expect(await store.readAll()).toEqual(events);
  expect(await store.lastSeq()).toBe(count);
  expect(await databaseOf(store).pages.count()).toBe(2);
  expect(await store.readStream('account-3')).toEqual(events.filter((e) => e.meta.stream === 'account-3'));
  expect(await store.readStream('account-0', { direction: 'backward', limit: 2 })).toEqual(events.filter((e) => e.meta.stream === 'account-0').slice(-2).reverse());
  expect((await store.listStreams()).map((s) => [s.stream, s.version]).sort()).toEqual([...versions].sort());
  expect(await store.loadSnapshot('accounts', 1)).toMatchObject({ seq: 600, state: { total: 42 } });
  expect(await store.getCheckpoint('pm:mail')).toBe(700);
  expect(await store.hasIds(['v1-1', `v1-${count}`, 'v1-none'])).toEqual(new Map([['v1-1', 1], [`v1-${count}`, count]]));
  expect(await store.seqAtTime(events[EVENTS_PER_PAGE + 4]!.meta.at)).toBe(EVENTS_PER_PAGE + 5);

  await expect(store.append('account-1', [{ type: 'Deposited', meta: { id: 'v1-3' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });
  const next = await store.append('account-1', [{ type: 'Deposited', payload: { amount: 1 } }], { expectedVersion: versions.get('account-1')! });
  expect(next).toMatchObject({ firstSeq: count + 1, version: versions.get('account-1')! + 1 });
  expect(seqs(await store.readAll({ fromSeq: count - 1 }))).toEqual([count - 1, count, count + 1]);
});

/** A version-2 database as the v2 app left it: the v1 rows moved into pages, tail and a row per stream. */
async function makeVersion2(name: string, events: StoredEvent[], rows: { stream: string; version: number; lastSeq: number }[]): Promise<void> {
  const v1 = openVersion1(name);
  await v1.table('events').bulkAdd(events);
  await v1.table('streams').bulkPut(rows);
  v1.close();
  const v2 = new Dexie(name, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
  v2.version(1).stores(VERSION_1);
  v2.version(2)
    .stores({ events: null, pages: 'first, firstAt', tail: 'first', idRuns: 'first', idBuckets: 'bucket', streamIndex: '[stream+chunk]' })
    .upgrade(upgradeFromRows);
  await v2.open();
  expect(await v2.table('streams').count()).toBe(rows.length);
  v2.close();
}

it('upgrading a version-2 database moves its stream rows into buckets; later seals and merges of its tail add nothing twice', async () => {
  // A stream longer than a head (CHUNK versions), and events left in the tail.
  const count = 2 * EVENTS_PER_PAGE + 300;
  const streamOf = (seq: number) => (seq % 3 === 0 ? 'long' : `short-${seq % 7}`);
  const versions = new Map<string, number>();
  const events: StoredEvent[] = range(1, count).map((seq) => {
    const stream = streamOf(seq);
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    return { type: 'Deposited', payload: { amount: seq }, meta: { id: `v2-${seq}`, seq, stream, version, at: new Date(Date.parse('2026-01-01T00:00:00.000Z') + seq * 1000).toISOString() } };
  });
  const rows = [...versions].map(([stream, version]) => ({ stream, version, lastSeq: Math.max(...events.filter((e) => e.meta.stream === stream).map((e) => e.meta.seq)) }));
  await makeVersion2('rewind-test', events, rows);
  expect(versions.get('long')).toBeGreaterThan(CHUNK);

  const store = await openStore();
  expect(databaseOf(store).verno).toBe(3);
  expect(databaseOf(store).tables.map((t) => t.name)).not.toContain('streams');
  expect(await databaseOf(store).streamBuckets.count()).toBeGreaterThan(0);
  const byName = (a: { stream: string }, b: { stream: string }) => a.stream.localeCompare(b.stream);
  expect((await store.listStreams()).sort(byName)).toEqual(rows.sort(byName));
  expect(await store.readStream('long')).toEqual(events.filter((e) => e.meta.stream === 'long'));
  await expect(store.append('long', [{ type: 'Deposited' }], { expectedVersion: versions.get('long')! - 1 })).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });

  // Enough appends to seal the tail the upgrade left, and to merge every stream run since into the buckets.
  const more = STREAM_RUNS_PER_MERGE * EVENTS_PER_PAGE;
  for (let start = 0; start < more; start += 2000) {
    await store.appendMany([{ stream: 'long', events: range(1, 2000).map((n) => ({ type: 'Deposited', payload: { amount: start + n } })) }]);
  }
  await store.settled();
  expect(await databaseOf(store).streamRuns.count()).toBeLessThan(STREAM_RUNS_PER_MERGE);
  const long = (await store.readAll({ fromSeq: 1 })).filter((e) => e.meta.stream === 'long');
  expect(long.map((e) => e.meta.version)).toEqual(range(1, versions.get('long')! + more));
  expect(await store.readStream('long', { fromVersion: CHUNK - 1, toVersion: CHUNK + 2 })).toEqual(long.slice(CHUNK - 2, CHUNK + 2));
  expect(await store.readStream('short-1')).toEqual(events.filter((e) => e.meta.stream === 'short-1'));
  expect(await store.streamVersion('long')).toBe(long.length);
});
