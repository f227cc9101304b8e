import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SIZE, type EventStore } from '../../src/eventstore/index.ts';
import { damagePageBytes, damageTailRecord, rewritePages } from './damage.ts';
import { closeStores, openStore, range } from './helpers.ts';

/*
 * Records damaged on disk while the app was closed: every read goes through
 * the store's checking reader, so damage is a DamagedEventError naming the
 * first event that cannot be trusted, and what lies before it still reads.
 */

afterEach(() => closeStores());

/** One sealed page and, in the tail, commits of 5 events from seq PAGE_SIZE + 1 on (amounts are n * 100 cents). */
async function storedLog(): Promise<EventStore> {
  const store = await openStore();
  for (let first = 1; first <= PAGE_SIZE + 20; first += 5)
    await store.append('a', range(first, first + 4).map((n) => ({ type: 'FundsAdded', payload: { amount: n * 100 }, meta: { id: `id-${n}` } })));
  await store.settled();
  expect((await store.db.pages.count(), await store.db.tail.count())).toBe(4);
  return store;
}

async function failure(read: Promise<unknown>) {
  return read.then(
    () => undefined,
    (e: unknown) => ({ name: (e as Error).name, seq: (e as { seq?: number }).seq, message: (e as Error).message }),
  );
}

const seqsOf = async (store: EventStore, fromSeq: number, toSeq: number) => (await store.readAll({ fromSeq, toSeq })).map((e) => e.meta.seq);

describe('a damaged tail record', () => {
  it('whose event list is not a list fails every read through it naming its first event; the events before it still read and export', async () => {
    let store = await storedLog();
    await damageTailRecord(store, PAGE_SIZE + 6, (record) => (record.events = { 0: 'not a list' }));
    // Opened again, as after the app was closed: a store trusts the records it wrote itself.
    store = await openStore();
    const expected = { name: 'DamagedEventError', seq: PAGE_SIZE + 6, message: `Event ${PAGE_SIZE + 6} is damaged in the log and cannot be read (its tail record holds no list of events).` };
    expect(await failure(store.readAll())).toEqual(expected);
    expect(await failure(store.readLines())).toEqual(expected);
    expect(await failure(store.append('a', [{ type: 'FundsAdded', payload: { amount: 1 } }]))).toEqual(expected);
    expect(await store.lastSeq()).toBe(PAGE_SIZE + 20);
    expect(await seqsOf(store, PAGE_SIZE - 1, PAGE_SIZE + 5)).toEqual(range(PAGE_SIZE - 1, PAGE_SIZE + 5));
    expect((await store.readLines({ fromSeq: 1, toSeq: PAGE_SIZE + 5 })).count).toBe(PAGE_SIZE + 5);
  });

  it('holding a null event names that event; the ones before it in the same record still read', async () => {
    let store = await storedLog();
    await damageTailRecord(store, PAGE_SIZE + 8, (record) => ((record.events as unknown[])[2] = null));
    store = await openStore();
    expect(await failure(store.readAll())).toEqual({
      name: 'DamagedEventError',
      seq: PAGE_SIZE + 8,
      message: `Event ${PAGE_SIZE + 8} is damaged in the log and cannot be read (it is null, not an event).`,
    });
    expect(await seqsOf(store, PAGE_SIZE + 6, PAGE_SIZE + 7)).toEqual([PAGE_SIZE + 6, PAGE_SIZE + 7]);
    expect((await store.hasIds([`id-${PAGE_SIZE + 7}`]).catch((e: unknown) => e))).toMatchObject({ name: 'DamagedEventError', seq: PAGE_SIZE + 8 });
  });

  it('with a changed digit in an amount (still a sound event) names that event by its checksum', async () => {
    const store = await storedLog();
    await damageTailRecord(store, PAGE_SIZE + 9, (record) => {
      const event = (record.events as { payload: { amount: number } }[])[3]!;
      expect(event.payload.amount).toBe((PAGE_SIZE + 9) * 100);
      event.payload.amount += 9000;
    });
    expect(await failure(store.readAll({ fromSeq: PAGE_SIZE + 1 }))).toMatchObject({ seq: PAGE_SIZE + 9, message: expect.stringContaining('does not match its checksum') as string });
    expect(await seqsOf(store, PAGE_SIZE + 6, PAGE_SIZE + 8)).toEqual(range(PAGE_SIZE + 6, PAGE_SIZE + 8));
  });

  it('that lost events (its list shorter than the record says) names the first one lost, also when it is the newest record', async () => {
    let store = await storedLog();
    await damageTailRecord(store, PAGE_SIZE + 20, (record) => (record.events as unknown[]).splice(2));
    store = await openStore();
    expect(await store.lastSeq()).toBe(PAGE_SIZE + 20);
    expect(await failure(store.readAll({ fromSeq: PAGE_SIZE + 10 }))).toEqual({
      name: 'DamagedEventError',
      seq: PAGE_SIZE + 18,
      message: `Event ${PAGE_SIZE + 18} is damaged in the log and cannot be read (its tail record ends at ${PAGE_SIZE + 20} but holds events only to ${PAGE_SIZE + 17}).`,
    });
    expect(await seqsOf(store, PAGE_SIZE + 16, PAGE_SIZE + 17)).toEqual([PAGE_SIZE + 16, PAGE_SIZE + 17]);
  });

  it('is never sealed into a page: the seal leaves the tail as it was', async () => {
    const store = await storedLog();
    await damageTailRecord(store, PAGE_SIZE + 1, (record) => ((record.events as unknown[])[0] = null));
    const reopened = await openStore();
    await reopened.settled();
    expect(await reopened.db.pages.count()).toBe(1);
    expect(await failure(reopened.readAll({ fromSeq: PAGE_SIZE }))).toMatchObject({ seq: PAGE_SIZE + 1 });
  });
});

describe('a page with a checksum', () => {
  it('with a changed digit in an amount (still valid JSON) fails every read from where the damage starts, naming that event or one a few lines before it; what lies before still reads', async () => {
    const store = await storedLog();
    // A second page, so the damaged one has a sound one before it.
    for (let first = PAGE_SIZE + 21; first <= 2 * PAGE_SIZE + 5; first += 5)
      await store.append('a', range(first, first + 4).map((n) => ({ type: 'FundsAdded', payload: { amount: n * 100 }, meta: { id: `id-${n}` } })));
    await store.settled();
    const page = (await store.db.pages.get(PAGE_SIZE + 1))!;
    expect(page.sum).toEqual(expect.any(Number));
    await damagePageBytes(store, PAGE_SIZE + 1, (bytes) => {
      const at = new TextDecoder().decode(bytes).indexOf(`"amount":${(PAGE_SIZE + 300) * 100}`) + '"amount":'.length;
      bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at]! + 1;
    });
    const named = (await failure(store.readAll()))!;
    // Traced to the 512-byte block the changed digit is in (the checksum keeps a mark per block): a few lines at most.
    expect(named.seq).toBeGreaterThan(PAGE_SIZE + 295);
    expect(named.seq).toBeLessThanOrEqual(PAGE_SIZE + 300);
    const message = (seq: number) =>
      `Event ${seq} is damaged in the log and cannot be read (the page of events ${PAGE_SIZE + 1} to ${2 * PAGE_SIZE} does not match its checksum from this event on).`;
    expect(named).toEqual({ name: 'DamagedEventError', seq: named.seq, message: message(named.seq!) });
    expect(await failure(store.readLines({ fromSeq: PAGE_SIZE - 5 }))).toEqual(named);
    expect(await failure(store.readAll({ fromSeq: 2 * PAGE_SIZE, toSeq: 2 * PAGE_SIZE }))).toEqual({ ...named, seq: 2 * PAGE_SIZE, message: message(2 * PAGE_SIZE) });
    // A stream read picks the event itself.
    expect(await failure(store.readStream('a', { fromVersion: PAGE_SIZE + 300, toVersion: PAGE_SIZE + 300 }))).toEqual({ ...named, seq: PAGE_SIZE + 300, message: message(PAGE_SIZE + 300) });
    expect(await seqsOf(store, 1, named.seq! - 1)).toEqual(range(1, named.seq! - 1));
    expect((await store.readLines({ fromSeq: PAGE_SIZE - 5, toSeq: named.seq! - 1 })).count).toBe(named.seq! - PAGE_SIZE + 5);
  });

  it('written before checksums (no sum) reads as before, and so do tail records without sums', async () => {
    const store = await storedLog();
    const all = await store.readAll();
    await rewritePages(store, 'ascii');
    await store.db.tail.toCollection().modify((record) => void delete record.sums);
    expect((await store.db.pages.toArray()).map((p) => p.sum)).toEqual([undefined]);
    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(all);
  });
});
