import { afterEach, describe, expect, it } from 'vitest';
import { EVENTS_PER_PAGE, type EventStore } from '../../src/eventstore/index.ts';
import { damagePageBytes, damageTailRecord, rewritePages } from './damage.ts';
import { closeStores, openStore, range } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

/*
 * Records damaged on disk while the app was closed: every read goes through
 * the store's checking reader, so damage is a DamagedEventError naming the
 * first event that cannot be trusted, and what lies before it still reads.
 */

afterEach(() => closeStores());

/** One sealed page and, in the tail, commits of 5 events from seq EVENTS_PER_PAGE + 1 on (amounts are n * 100 cents). */
async function storedLog(): Promise<EventStore> {
  const store = await openStore();
  for (let first = 1; first <= EVENTS_PER_PAGE + 20; first += 5)
    await store.append('a', range(first, first + 4).map((n) => ({ type: 'FundsAdded', payload: { amount: n * 100 }, meta: { id: `id-${n}` } })));
  await store.settled();
  expect((await databaseOf(store).pages.count(), await databaseOf(store).tail.count())).toBe(4);
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
    await damageTailRecord(store, EVENTS_PER_PAGE + 6, (record) => (record.events = { 0: 'not a list' }));
    // Opened again, as after the app was closed: a store trusts the records it wrote itself.
    store = await openStore();
    const expected = { name: 'DamagedEventError', seq: EVENTS_PER_PAGE + 6, message: `Event ${EVENTS_PER_PAGE + 6} is damaged in the log and cannot be read (its tail record holds no list of events).` };
    expect(await failure(store.readAll())).toEqual(expected);
    expect(await failure(store.readLines())).toEqual(expected);
    expect(await failure(store.append('a', [{ type: 'FundsAdded', payload: { amount: 1 } }]))).toEqual(expected);
    expect(await store.lastSeq()).toBe(EVENTS_PER_PAGE + 20);
    expect(await seqsOf(store, EVENTS_PER_PAGE - 1, EVENTS_PER_PAGE + 5)).toEqual(range(EVENTS_PER_PAGE - 1, EVENTS_PER_PAGE + 5));
    expect((await store.readLines({ fromSeq: 1, toSeq: EVENTS_PER_PAGE + 5 })).count).toBe(EVENTS_PER_PAGE + 5);
  });

  it('holding a null event names that event; the ones before it in the same record still read', async () => {
    let store = await storedLog();
    await damageTailRecord(store, EVENTS_PER_PAGE + 8, (record) => ((record.events as unknown[])[2] = null));
    store = await openStore();
    expect(await failure(store.readAll())).toEqual({
      name: 'DamagedEventError',
      seq: EVENTS_PER_PAGE + 8,
      message: `Event ${EVENTS_PER_PAGE + 8} is damaged in the log and cannot be read (it is null, not an event).`,
    });
    expect(await seqsOf(store, EVENTS_PER_PAGE + 6, EVENTS_PER_PAGE + 7)).toEqual([EVENTS_PER_PAGE + 6, EVENTS_PER_PAGE + 7]);
    expect((await store.hasIds([`id-${EVENTS_PER_PAGE + 7}`]).catch((e: unknown) => e))).toMatchObject({ name: 'DamagedEventError', seq: EVENTS_PER_PAGE + 8 });
  });

  it('with a changed digit in an amount (still a sound event) names that event by its checksum', async () => {
    const store = await storedLog();
    await damageTailRecord(store, EVENTS_PER_PAGE + 9, (record) => {
      const event = (record.events as { payload: { amount: number } }[])[3]!;
      expect(event.payload.amount).toBe((EVENTS_PER_PAGE + 9) * 100);
      event.payload.amount += 9000;
    });
    expect(await failure(store.readAll({ fromSeq: EVENTS_PER_PAGE + 1 }))).toMatchObject({ seq: EVENTS_PER_PAGE + 9, message: expect.stringContaining('does not match its checksum') as string });
    expect(await seqsOf(store, EVENTS_PER_PAGE + 6, EVENTS_PER_PAGE + 8)).toEqual(range(EVENTS_PER_PAGE + 6, EVENTS_PER_PAGE + 8));
  });

  it('that lost events (its list shorter than the record says) names the first one lost, also when it is the newest record', async () => {
    let store = await storedLog();
    await damageTailRecord(store, EVENTS_PER_PAGE + 20, (record) => (record.events as unknown[]).splice(2));
    store = await openStore();
    expect(await store.lastSeq()).toBe(EVENTS_PER_PAGE + 20);
    expect(await failure(store.readAll({ fromSeq: EVENTS_PER_PAGE + 10 }))).toEqual({
      name: 'DamagedEventError',
      seq: EVENTS_PER_PAGE + 18,
      message: `Event ${EVENTS_PER_PAGE + 18} is damaged in the log and cannot be read (its tail record ends at ${EVENTS_PER_PAGE + 20} but holds events only to ${EVENTS_PER_PAGE + 17}).`,
    });
    expect(await seqsOf(store, EVENTS_PER_PAGE + 16, EVENTS_PER_PAGE + 17)).toEqual([EVENTS_PER_PAGE + 16, EVENTS_PER_PAGE + 17]);
  });

  it('is never sealed into a page: the seal leaves the tail as it was', async () => {
    const store = await storedLog();
    await damageTailRecord(store, EVENTS_PER_PAGE + 1, (record) => ((record.events as unknown[])[0] = null));
    const reopened = await openStore();
    await reopened.settled();
    expect(await databaseOf(reopened).pages.count()).toBe(1);
    expect(await failure(reopened.readAll({ fromSeq: EVENTS_PER_PAGE }))).toMatchObject({ seq: EVENTS_PER_PAGE + 1 });
  });
});

describe('a page with a checksum', () => {
  it('with a changed digit in an amount (still valid JSON) fails every read from where the damage starts, naming that event or one a few lines before it; what lies before still reads', async () => {
    const store = await storedLog();
    // A second page, so the damaged one has a sound one before it.
    for (let first = EVENTS_PER_PAGE + 21; first <= 2 * EVENTS_PER_PAGE + 5; first += 5)
      await store.append('a', range(first, first + 4).map((n) => ({ type: 'FundsAdded', payload: { amount: n * 100 }, meta: { id: `id-${n}` } })));
    await store.settled();
    const page = (await databaseOf(store).pages.get(EVENTS_PER_PAGE + 1))!;
    expect(page.sum).toEqual(expect.any(Number));
    await damagePageBytes(store, EVENTS_PER_PAGE + 1, (bytes) => {
      const at = new TextDecoder().decode(bytes).indexOf(`"amount":${(EVENTS_PER_PAGE + 300) * 100}`) + '"amount":'.length;
      bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at]! + 1;
    });
    const named = (await failure(store.readAll()))!;
    // Traced to the 512-byte block the changed digit is in (the checksum keeps a mark per block): a few lines at most.
    expect(named.seq).toBeGreaterThan(EVENTS_PER_PAGE + 295);
    expect(named.seq).toBeLessThanOrEqual(EVENTS_PER_PAGE + 300);
    const message = (seq: number) =>
      `Event ${seq} is damaged in the log and cannot be read (the page of events ${EVENTS_PER_PAGE + 1} to ${2 * EVENTS_PER_PAGE} does not match its checksum from this event on).`;
    expect(named).toEqual({ name: 'DamagedEventError', seq: named.seq, message: message(named.seq!) });
    expect(await failure(store.readLines({ fromSeq: EVENTS_PER_PAGE - 5 }))).toEqual(named);
    expect(await failure(store.readAll({ fromSeq: 2 * EVENTS_PER_PAGE, toSeq: 2 * EVENTS_PER_PAGE }))).toEqual({ ...named, seq: 2 * EVENTS_PER_PAGE, message: message(2 * EVENTS_PER_PAGE) });
    // A stream read picks the event itself.
    expect(await failure(store.readStream('a', { fromVersion: EVENTS_PER_PAGE + 300, toVersion: EVENTS_PER_PAGE + 300 }))).toEqual({ ...named, seq: EVENTS_PER_PAGE + 300, message: message(EVENTS_PER_PAGE + 300) });
    expect(await seqsOf(store, 1, named.seq! - 1)).toEqual(range(1, named.seq! - 1));
    expect((await store.readLines({ fromSeq: EVENTS_PER_PAGE - 5, toSeq: named.seq! - 1 })).count).toBe(named.seq! - EVENTS_PER_PAGE + 5);
  });

  it('written before checksums (no sum) reads as before, and so do tail records without sums', async () => {
    const store = await storedLog();
    const all = await store.readAll();
    await rewritePages(store, 'ascii');
    await databaseOf(store).tail.toCollection().modify((record) => void delete record.sums);
    expect((await databaseOf(store).pages.toArray()).map((p) => p.sum)).toEqual([undefined]);
    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(all);
  });
});
