import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_PER_PAGE, type EventInput, type EventStore } from '../../../src/eventstore/index.ts';
import { IdFilter } from '../../../src/eventstore/lookups/idFilter.ts';
import { bucketedEnd } from '../../../src/eventstore/indexes/bucketedEnd.ts';
import { RUNS_PER_MERGE, idHash } from '../../../src/eventstore/indexes/idRecords.ts';
import { closeStores, openStore, range } from '../helpers.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const event = (id: string, amount = 1): EventInput => ({ type: 'Deposited', payload: { amount }, meta: { id } });

/** `count` events in commits of 250, ids `${prefix}-1`, …, and the pages they filled sealed (and merged). */
async function fill(store: EventStore, count: number, prefix: string): Promise<void> {
  for (let start = 1; start <= count; start += 250) {
    const ids = range(start, Math.min(count, start + 249));
    await store.appendMany([{ stream: prefix, events: ids.map((n) => event(`${prefix}-${n}`)) }]);
  }
  // Sealing follows in the background; a test counting another store's reads must not race it.
  await store.settled();
}

/** Enough pages that their id runs are merged into the id buckets. */
const MERGED = RUNS_PER_MERGE * EVENTS_PER_PAGE;

describe('the id filter', () => {
  it('holds every id in the buckets and tells when it does not cover a view', async () => {
    const store = await openStore();
    await fill(store, MERGED, 'a');
    const filter = new IdFilter();
    expect(filter.mayHold([idHash('a-1')], 1)).toBeUndefined();
    await filter.build(databaseOf(store));
    const stored = range(1, MERGED).map((n) => idHash(`a-${n}`));
    expect(filter.mayHold(stored, MERGED + 1)).toEqual(stored);
    const fresh = range(1, 2000).map((n) => idHash(`fresh-${n}`));
    expect(filter.mayHold(fresh, MERGED + 1)!.length).toBeLessThan(20);
    // Buckets that hold pages past what it covers: it cannot answer.
    expect(filter.mayHold(stored, MERGED + EVENTS_PER_PAGE + 1)).toBeUndefined();
    // A run taken in (pages in order) extends it; a run out of order does not.
    filter.addRun(MERGED + 2 * EVENTS_PER_PAGE + 1, [idHash('skipped')]);
    filter.addRun(MERGED + 1, [idHash('next')]);
    expect(filter.mayHold([idHash('next')], MERGED + EVENTS_PER_PAGE + 1)).toEqual([idHash('next')]);
    expect(filter.mayHold([idHash('next')], MERGED + 3 * EVENTS_PER_PAGE + 1)).toBeUndefined();
  });

  it('places the end of the buckets at the first id run, or past the last page', () => {
    expect(bucketedEnd([EVENTS_PER_PAGE + 1, 2 * EVENTS_PER_PAGE + 1], 2 * EVENTS_PER_PAGE + 1)).toBe(EVENTS_PER_PAGE + 1);
    expect(bucketedEnd([], 2 * EVENTS_PER_PAGE + 1)).toBe(3 * EVENTS_PER_PAGE + 1);
    expect(bucketedEnd([], undefined)).toBe(1);
  });

  it('spares the bucket reads of fresh ids, and never hides a duplicate after another store merged runs it never saw', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await fill(theirs, MERGED + 10, 'early');
    const builds = vi.spyOn(IdFilter.prototype, 'build');
    /** Waits for the filter builds started so far (each runs out of the transaction, after the lookup that wanted it). */
    const built = () => Promise.all(builds.mock.results.map((result) => result.value as Promise<void>));
    await mine.append('mine', [event('mine-1')]);
    // The first lookup could not use the filter; it is built after it, out of the transaction.
    expect(builds).toHaveBeenCalled();
    await built();
    const bucketReads = vi.spyOn(databaseOf(mine).idBuckets, 'bulkGet');
    await mine.append('mine', [event('mine-2')]);
    expect(bucketReads).not.toHaveBeenCalled();
    await expect(mine.append('mine', [event('early-7', 2)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(bucketReads).toHaveBeenCalled();

    // Another store seals and merges pages this one never looked at.
    await fill(theirs, MERGED, 'late');
    await expect(mine.append('mine', [event('late-3', 2)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await mine.append('late', [event('late-3')])).toMatchObject({ firstSeq: MERGED + 15 });
    await built();
    await expect(mine.append('mine', [event(`late-${MERGED - 600}`, 2)])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await mine.hasIds(['early-1', 'late-1', 'mine-2', 'none'])).toEqual(
      new Map([['early-1', 1], ['late-1', MERGED + 13], ['mine-2', MERGED + 12]]),
    );
  });
});
