import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_PER_PAGE, type EventInput, type EventStore } from '../../../src/eventstore/index.ts';
import { RUNS_PER_MERGE } from '../../../src/eventstore/indexes/idRecords.ts';
import { CHUNK } from '../../../src/eventstore/indexes/streamRecords.ts';
import { injectFaults, quotaExceeded } from '../faultInjection.ts';
import { closeStores, openStore, range } from '../helpers.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';

/*
 * Each store keeps the tail records it has seen (tailCache.ts). These tests
 * open several stores on one database, as tabs do, and check that a lookup
 * finds an id wherever the earlier event sits: in this store's cache, in a
 * commit of another store, or sealed into a page by another store.
 */

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const event = (id: string, amount = 1): EventInput => ({ type: 'Deposited', payload: { amount }, meta: { id } });

/** `count` single-event commits on stream `stream`, ids `${prefix}-1`, …, and the seals they started. */
async function fill(store: EventStore, count: number, prefix: string, stream = prefix): Promise<void> {
  for (let start = 1; start <= count; start += 50) {
    const ids = range(start, Math.min(count, start + 49));
    await store.appendMany(ids.map((n) => ({ stream: `${stream}-${n}`, events: [event(`${prefix}-${n}`)] })));
  }
  await store.settled();
}

describe('the tail cache of each store', () => {
  it('finds retries and duplicates of its own commits', async () => {
    const store = await openStore();
    const first = await store.append('acc', [event('own')]);
    expect(await store.append('acc', [event('own')])).toEqual(first);
    await expect(store.append('acc', [event('own', 2)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await store.hasIds(['own', 'none'])).toEqual(new Map([['own', 1]]));
  });

  it('finds what another store committed after this one last looked', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await mine.append('acc', [event('mine')]);
    const landed = await theirs.append('acc', [event('theirs')], { expectedVersion: 1 });
    expect(await mine.append('acc', [event('theirs')])).toEqual(landed);
    await expect(mine.append('other', [event('theirs')])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await mine.hasIds(['theirs'])).toEqual(new Map([['theirs', 2]]));
    // This store's next event goes after the other store's, at the version the other store left.
    expect(await mine.append('acc', [event('next')], { expectedVersion: 2 })).toEqual({ firstSeq: 3, lastSeq: 3, version: 3 });
  });

  it('finds events another store sealed into pages, before and after their ids are merged into buckets', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await mine.append('acc', [event('early')]);
    expect(await mine.hasIds(['early'])).toEqual(new Map([['early', 1]]));
    await fill(theirs, EVENTS_PER_PAGE, 'page');
    expect(await databaseOf(theirs).pages.count()).toBe(1);
    expect(await databaseOf(theirs).tail.count()).toBe(1);
    await expect(mine.append('acc', [event('early', 2)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await mine.append('acc', [event('early')])).toEqual({ firstSeq: 1, lastSeq: 1, version: 1 });
    await expect(mine.append('x', [event('page-300', 5)])).rejects.toMatchObject({ name: 'DuplicateEventError' });

    await fill(theirs, RUNS_PER_MERGE * EVENTS_PER_PAGE, 'more');
    expect(await databaseOf(theirs).idBuckets.count()).toBeGreaterThan(0);
    await expect(mine.append('acc', [event('early', 3)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    await expect(mine.append('x', [event(`more-${EVENTS_PER_PAGE}`, 5)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    const last = (RUNS_PER_MERGE + 1) * EVENTS_PER_PAGE + 1;
    expect(await mine.hasIds(['early', 'page-1', `more-${RUNS_PER_MERGE * EVENTS_PER_PAGE}`])).toEqual(
      new Map([['early', 1], ['page-1', 2], [`more-${RUNS_PER_MERGE * EVENTS_PER_PAGE}`, last]]),
    );
  });

  it('never hides a duplicate after another store sealed the tail back under a key it had seen', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const watcher = await openStore();
    const writer = await openStore();
    // The writer fills the first page but cannot seal it (as if its tab closed right after the commit).
    const faults = await injectFaults(databaseOf(writer));
    faults.fail('write', quotaExceeded, { tables: ['pages'] });
    await fill(writer, EVENTS_PER_PAGE, 'first');
    faults.clear();
    expect(await databaseOf(writer).pages.count()).toBe(0);
    // The watcher's commit starts the second page: its tail record is keyed EVENTS_PER_PAGE + 1.
    await watcher.append('w', [event('watched')]);
    await writer.append('late', [event('late-1'), event('late-2')]);
    // A store opening now seals the first page and writes what is left of the tail as one record, again keyed
    // EVENTS_PER_PAGE + 1, now holding late-1 and late-2 as well.
    const sealer = await openStore();
    await sealer.settled();
    expect((await databaseOf(sealer).tail.toArray()).map((r) => [r.first, r.last])).toEqual([[EVENTS_PER_PAGE + 1, EVENTS_PER_PAGE + 3]]);

    await expect(watcher.append('w', [event('late-2', 9)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await watcher.append('late', [event('late-1'), event('late-2')])).toEqual({ firstSeq: EVENTS_PER_PAGE + 2, lastSeq: EVENTS_PER_PAGE + 3, version: 2 });
    expect(await watcher.hasIds(['late-2', 'first-7', 'watched'])).toEqual(
      new Map([['late-2', EVENTS_PER_PAGE + 3], ['first-7', 7], ['watched', EVENTS_PER_PAGE + 1]]),
    );
    expect(await watcher.readStream('late')).toHaveLength(2);
  });
});

describe('a commit that names the version it expects', () => {
  it('reads the stream\'s current position chunk with the rest, and the stream reads back the same as without', async () => {
    const store = await openStore();
    let version = 0;
    // Commits of 1 to 7 events, every other one naming its expected version, across two chunk boundaries.
    for (let size = 1; version < 2 * CHUNK + 10; size = (size % 7) + 1) {
      const events = range(version + 1, version + size).map((n) => event(`long-${n}`, n));
      const expectedVersion = size % 2 === 0 ? version : undefined;
      await store.appendMany([{ stream: 'long', events, expectedVersion }, { stream: `other-${version}`, events: [event(`o-${version}`)] }]);
      version += size;
    }
    const all = (await store.readAll()).filter((e) => e.meta.stream === 'long');
    expect(all.map((e) => e.meta.version)).toEqual(range(1, version));
    expect(await store.readStream('long')).toEqual(all);
    expect(await store.readStream('long', { fromVersion: CHUNK - 2, toVersion: 2 * CHUNK + 3 })).toEqual(all.slice(CHUNK - 3, 2 * CHUNK + 3));
    await expect(store.append('long', [event('stale')], { expectedVersion: CHUNK })).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });
  });
});

describe('stream reads from the tail cache', () => {
  it('reads versions this store just wrote without a transaction, and goes to the database for any it has not seen', async () => {
    const store = await openStore();
    const other = await openStore();
    await store.append('acc', [event('a'), event('b'), event('c')]);
    const transaction = vi.spyOn(databaseOf(store), 'transaction');
    const known = await store.readStream('acc', { fromVersion: 2, toVersion: 3 });
    expect(known.map((e) => e.meta.id)).toEqual(['b', 'c']);
    expect(await store.readStream('acc', { direction: 'backward', fromVersion: 3, toVersion: 1 })).toEqual([...(await other.readStream('acc'))].reverse());
    expect(transaction).not.toHaveBeenCalled();
    // Version 4 came from another tab: this store has not seen it, so it reads.
    await other.append('acc', [event('d')], { expectedVersion: 3 });
    expect((await store.readStream('acc', { fromVersion: 3, toVersion: 4 })).map((e) => e.meta.id)).toEqual(['c', 'd']);
    expect(transaction).toHaveBeenCalled();
    // Open-ended or limited reads always read.
    transaction.mockClear();
    await store.readStream('acc', { fromVersion: 1 });
    expect(transaction).toHaveBeenCalled();
  });
});
