import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_PER_PAGE, type EventInput, type EventStore } from '../../../src/eventstore/index.ts';
import { PageCache } from '../../../src/eventstore/storage/pageCache.ts';
import type { PageRecord } from '../../../src/eventstore/pages/pageCodec.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';
import { closeStores, openStore, range } from '../helpers.ts';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const page = (first: number) => ({ first, last: first + EVENTS_PER_PAGE - 1 }) as PageRecord;
const starts = (pages: readonly PageRecord[] | undefined) => pages?.map((p) => p.first);

describe('the page cache', () => {
  it('keeps the pages used last, dropping the least recently used beyond its capacity', () => {
    const cache = new PageCache(3);
    cache.put([page(1), page(501), page(1001)]);
    expect(cache.get(1)?.first).toBe(1);
    cache.put([page(1501)]);
    // 501 was used least recently (1 was just read): it goes.
    expect(cache.get(501)).toBeUndefined();
    expect([1, 1001, 1501].map((first) => cache.get(first)?.first)).toEqual([1, 1001, 1501]);
  });

  it('answers a range only when it holds every page of it', () => {
    const cache = new PageCache(8);
    cache.put([page(1), page(501), page(1001)]);
    expect(starts(cache.covering(2, 1200))).toEqual([1, 501, 1001]);
    expect(starts(cache.covering(600, 700))).toEqual([501]);
    // The page holding 1501 may exist on disk by now: the cache cannot say, so the read goes to the database.
    expect(cache.covering(2, 1501)).toBeUndefined();
    cache.put([undefined]);
    expect(starts(cache.covering(1, 1))).toEqual([1]);
  });
});

const event = (n: number): EventInput => ({ type: 'Deposited', payload: { n }, meta: { id: `e-${n}` } });

async function sealedLog(events: number): Promise<EventStore> {
  const store = await openStore();
  for (let start = 1; start <= events; start += 100) await store.appendMany([{ stream: `s-${start % 7}`, events: range(start, start + 99).map(event) }]);
  await store.settled();
  return store;
}

describe('reads through the page cache', () => {
  it('give the same events as a store reading everything from the database, and read a page from it once', async () => {
    const store = await sealedLog(3 * EVENTS_PER_PAGE + 50);
    const db = databaseOf(store);
    const bulkGet = vi.spyOn(db.pages, 'bulkGet');
    const first = await store.readStream('s-1', { direction: 'backward', limit: 40 });
    const again = await store.readStream('s-1', { direction: 'backward', limit: 40 });
    expect(again).toEqual(first);
    expect(first.map((e) => e.meta.version)).toEqual(range(1, 40).map((i) => first[0]!.meta.version + 1 - i));
    // The second read found its pages in the cache.
    expect(bulkGet).toHaveBeenCalledTimes(1);

    const fresh = await openStore();
    expect(await fresh.readStream('s-1', { direction: 'backward', limit: 40 })).toEqual(first);
    expect(await store.readAll({ fromSeq: 400, toSeq: 1200 })).toEqual(await fresh.readAll({ fromSeq: 400, toSeq: 1200 }));
    const toArray = vi.spyOn(db.pages, 'where');
    const range2 = await store.readAll({ fromSeq: 400, toSeq: 1200 });
    expect(range2.map((e) => e.meta.seq)).toEqual(range(400, 1200));
    expect(toArray).not.toHaveBeenCalled();
  });

  it('still see events sealed into a page by another store after this one cached the pages before it', async () => {
    const store = await sealedLog(EVENTS_PER_PAGE + 100);
    const other = await openStore();
    expect((await store.readAll({ fromSeq: 1, toSeq: EVENTS_PER_PAGE + 100 })).length).toBe(EVENTS_PER_PAGE + 100);
    for (let start = EVENTS_PER_PAGE + 101; start <= 2 * EVENTS_PER_PAGE + 100; start += 100)
      await other.appendMany([{ stream: 'late', events: range(start, start + 99).map(event) }]);
    await other.settled();
    const all = await store.readAll({ fromSeq: 1, toSeq: 2 * EVENTS_PER_PAGE + 100 });
    expect(all.map((e) => e.meta.seq)).toEqual(range(1, 2 * EVENTS_PER_PAGE + 100));
    expect(await store.readStream('late', { direction: 'backward', limit: 3 })).toEqual(await other.readStream('late', { direction: 'backward', limit: 3 }));
  });
});
