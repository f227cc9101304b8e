import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventStore, type EventInput, type EventStore, type StoreHealth } from '../../src/eventstore/index.ts';
import { ScratchLog } from '../../src/eventstore/import/index.ts';
import { depsOf } from '../../src/eventstore/index.ts';
import { connectionLost, injectFaults, quotaExceeded } from './faultInjection.ts';
import { closeStores, expectRejectsUnchanged, openStore, record, seqs, settle } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

afterEach(closeStores);

const ev = (type: string, id?: string): EventInput => (id ? { type, meta: { id } } : { type });

/** A store holding three events on two streams, with faults ready to inject. */
async function storeWithLog() {
  const store = await openStore();
  await store.append('a', [ev('A1'), ev('A2')]);
  await store.append('b', [ev('B1')]);
  const faults = await injectFaults(databaseOf(store));
  return { store, faults };
}

const twoStreams = () => [
  { stream: 'a', events: [ev('A3'), ev('A4')], expectedVersion: 2 },
  { stream: 'c', events: [ev('C1')], expectedVersion: 'no_stream' as const },
];

function healthLog(store: EventStore): StoreHealth[] {
  const seen: StoreHealth[] = [];
  store.onHealthChange((h) => seen.push(h));
  return seen;
}

describe('a full disk (QuotaExceededError)', () => {
  it('on a write request: the append fails with a message suggesting Export and clean-up, and nothing of the batch is written', async () => {
    const { store, faults } = await storeWithLog();
    // The commit's one tail record is refused: none of the batch's events may land.
    faults.fail('write', quotaExceeded, { times: 1, tables: ['tail'] });
    const error = await expectRejectsUnchanged(store, () => store.appendMany(twoStreams()), 'StorageFullError');
    expect(error).toMatchObject({ code: 'STORAGE_FULL' });
    expect(error.message).toMatch(/no room left.*nothing was saved.*Export the log.*free up space/);
    expect(faults.hits).toBe(1);
    expect(store.health()).toEqual({ state: 'full' });
    expect(seqs(await store.readAll())).toEqual([1, 2, 3]);
  });

  it('at commit, after every write succeeded: the same, and the next successful append clears it', async () => {
    const { store, faults } = await storeWithLog();
    const seen = healthLog(store);
    faults.fail('commit', quotaExceeded, { times: 1, tables: ['tail'] });
    await expectRejectsUnchanged(store, () => store.appendMany(twoStreams()), 'StorageFullError');
    expect(await store.streamVersion('c')).toBe(0);
    // Space was freed: the very same batch lands whole.
    await store.appendMany(twoStreams());
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'A4', 'C1']);
    expect(seen).toEqual([{ state: 'full' }, { state: 'ok' }]);
  });

  it('is not mistaken for a lost connection: it is not retried', async () => {
    const { store, faults } = await storeWithLog();
    faults.fail('write', quotaExceeded, { tables: ['tail'] });
    await expect(store.append('a', [ev('A3')])).rejects.toMatchObject({ name: 'StorageFullError' });
    expect(faults.hits).toBe(1);
  });
});

describe('a lost connection', () => {
  it('is reopened once and the append retried once: the batch lands exactly once', async () => {
    const { store, faults } = await storeWithLog();
    faults.fail('transaction', connectionLost, { times: 1 });
    const results = await store.appendMany(twoStreams());
    expect(results).toEqual([
      { firstSeq: 4, lastSeq: 5, version: 4 },
      { firstSeq: 6, lastSeq: 6, version: 1 },
    ]);
    expect(faults.hits).toBe(1);
    expect(seqs(await store.readAll())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.health()).toEqual({ state: 'ok' });
  });

  it('lost under several calls at once: they share one reopen and all land', async () => {
    const { store, faults } = await storeWithLog();
    faults.fail('transaction', connectionLost, { times: 3 });
    await Promise.all([store.append('x', [ev('X1')]), store.append('y', [ev('Y1')]), store.append('z', [ev('Z1')])]);
    expect(seqs(await store.readAll())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(faults.hits).toBe(3);
  });

  it('lost while committing: the retry writes the batch once', async () => {
    const { store, faults } = await storeWithLog();
    faults.fail('commit', connectionLost, { times: 1, tables: ['tail'] });
    await store.appendMany(twoStreams());
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'A4', 'C1']);
  });

  it('lost after the commit landed but before the answer came back: the retry finds the batch by its ids and writes nothing twice', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    const db = databaseOf(store) as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
    const real = db.transaction.bind(db);
    let lose = true;
    db.transaction = (...args) =>
      real(...args).then((value) => {
        if (!lose) return value;
        lose = false;
        throw connectionLost();
      });
    const result = await store.append('a', [ev('A2'), ev('A3')], { expectedVersion: 1 });
    expect(result).toEqual({ firstSeq: 2, lastSeq: 3, version: 3 });
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
  });

  it('that cannot be reopened: the append fails saying so, nothing is written, and a later call reconnects', async () => {
    const { store, faults } = await storeWithLog();
    const seen = healthLog(store);
    faults.fail('transaction', connectionLost, { times: 2 });
    const error = await expectRejectsUnchanged(store, () => store.appendMany(twoStreams()), 'StorageUnavailableError');
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(error.message).toMatch(/could not be reopened, so nothing was saved.*reload/);
    // The reads that checked the log worked again, which ends the outage.
    expect(seen).toEqual([{ state: 'unavailable' }, { state: 'ok' }]);
    await store.appendMany(twoStreams());
    expect(seqs(await store.readAll())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('under a read: retried once, then reported without a word about saving', async () => {
    const { store, faults } = await storeWithLog();
    faults.fail('read', connectionLost, { times: 1, tables: ['tail'] });
    expect(seqs(await store.readAll())).toEqual([1, 2, 3]);
    faults.fail('read', connectionLost, { times: 2, tables: ['tail'] });
    const error = await store.readAll().catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'StorageUnavailableError' });
    expect((error as Error).message).not.toMatch(/saved/);
    expect(seqs(await store.readAll())).toEqual([1, 2, 3]);
  });

  it('a database connection closed from outside is reopened and the append lands', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    databaseOf(store).backendDB().close();
    await store.append('a', [ev('A2')], { expectedVersion: 1 });
    expect(seqs(await store.readAll())).toEqual([1, 2]);
  });

  it('a subscriber whose read fails keeps what it has and catches up on the next wake', async () => {
    const { store, faults } = await storeWithLog();
    const otherTab = await openStore();
    const seen = record(store, 1);
    await seen.until(3);
    faults.fail('read', connectionLost, { times: 2, tables: ['tail'] });
    await otherTab.append('a', [ev('A3')]);
    await expect.poll(() => seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toMatchObject({ name: 'StorageUnavailableError' });
    expect(seen.received()).toHaveLength(3);
    await otherTab.append('a', [ev('A4')]);
    await seen.until(5);
    expect(seqs(seen.received())).toEqual([1, 2, 3, 4, 5]);
    seen.stop();
  });
});

describe('a newer version of the app in another tab', () => {
  /** Opens the database as a newer app version would: a higher schema version with one more index. */
  async function openNewerVersion(name: string): Promise<Dexie> {
    const newer = new Dexie(name, { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });
    newer.version(4).stores({
      pages: 'first, firstAt, lastAt',
      tail: 'first',
      idRuns: 'first',
      idBuckets: 'bucket',
      streamRuns: 'first',
      streamBuckets: 'bucket',
      streamIndex: '[stream+chunk]',
      snapshots: '[name+version+seq]',
      checkpoints: 'name',
      documents: 'id, kind',
    });
    await newer.open();
    return newer;
  }

  it('closes this connection at once (the upgrade is not blocked), says why, and never throws a bare DatabaseClosedError', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1'), ev('A2')]);
    const seen = healthLog(store);
    const subscriber = record(store, 1);
    await subscriber.until(2);

    const newer = await openNewerVersion(databaseOf(store).name);
    expect(newer.verno).toBe(4);
    expect(seen).toEqual([{ state: 'newer-version' }]);

    for (const call of [() => store.append('a', [ev('A3')]), () => store.readAll(), () => store.lastSeq()]) {
      const error = await call().catch((e: unknown) => e as Error);
      expect(error).toMatchObject({ name: 'EventStoreClosedError' });
      expect((error as Error).message).toMatch(/newer version of Rewind .* Reload/);
    }
    // The subscriber keeps what it had and hears of no error: the banner speaks for the store.
    await newer.table('tail').add({
      first: 3,
      last: 3,
      events: [{ type: 'ByNewer', payload: null, meta: { id: 'n1', seq: 3, stream: 'a', version: 3, at: '2026-01-01T00:00:00.000Z' } }],
    });
    await settle();
    expect(subscriber.errors).toEqual([]);
    expect(subscriber.received()).toHaveLength(2);
    newer.close();
  });

  it('a database deleted under this tab (site data cleared) is reported as such', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    await Dexie.delete(databaseOf(store).name);
    expect(store.health()).toEqual({ state: 'deleted' });
    await expect(store.append('a', [ev('A2')])).rejects.toThrow(/deleted from this browser/);
  });

  it('a database deleted while this tab was not connected is not silently recreated as an empty log', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1'), ev('A2')]);
    // Dexie reopens on its own after the browser closes a connection; the database is gone meanwhile.
    databaseOf(store).close({ disableAutoOpen: false });
    await new Promise<void>((resolve, reject) => {
      const request = globalThis.indexedDB.deleteDatabase(databaseOf(store).name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    await expect(store.append('a', [ev('A3')])).rejects.toThrow(/deleted from this browser/);
    expect(store.health()).toEqual({ state: 'deleted' });
  });
});

describe('an import replacing the log', () => {
  it('is reported with whether this tab made it; appends are refused but reads of what was shown still work', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    await scratch.finish();
    await scratch.promote();
    await expect.poll(() => store.health()).toEqual({ state: 'replaced', here: true });
    await expect(store.append('a', [ev('A2')])).rejects.toMatchObject({ name: 'LogReplacedError' });
    expect(seqs(await store.readAll())).toEqual([1]);
  });

  it('by another tab', async () => {
    const store = await openEventStore({ name: 'other-tab', dexie: { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange } });
    const channel = new BroadcastChannel('rewind-log:other-tab');
    channel.postMessage({ log: 'other-tab', live: 'other-tab@elsewhere', reason: 'import' });
    await expect.poll(() => store.health()).toEqual({ state: 'replaced', here: false });
    channel.close();
    store.close();
    // A final state is kept: closing afterwards does not hide why the tab stopped.
    expect(store.health()).toEqual({ state: 'replaced', here: false });
  });
});
