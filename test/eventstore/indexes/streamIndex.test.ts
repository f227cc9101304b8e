import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_PER_PAGE, type EventInput, type EventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { CHUNK, STREAM_RUNS_PER_MERGE } from '../../../src/eventstore/indexes/streamRecords.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';
import { closeStores, openStore, range } from '../helpers.ts';

// Runs are merged every 3 pages here rather than 64: the same merge of several runs, reached with a few thousand events.
vi.mock('../../../src/eventstore/indexes/streamRecords.ts', async (original) => ({ ...(await original<object>()), STREAM_RUNS_PER_MERGE: 3 }));

/*
 * Where a stream stands is kept out of the commit (streamRecords.ts): in the
 * tail, then in one run per sealed page, then in buckets once the runs are
 * merged. These tests check that versions, stream reads and version checks
 * give the same answers wherever a stream's events sit, and from another tab
 * that last looked before a merge.
 */

afterEach(closeStores);

/** The stream of the n-th event: half to one long stream, a quarter to another, the rest over 20 short ones. */
const streamOf = (n: number) => (n % 2 === 0 ? 'long-a' : n % 4 === 1 ? 'long-b' : `short-${n % 20}`);

/** Appends events n = from..to, a commit of up to `size` events at a time, each batch one stream at 'any', and waits for the seals. */
async function appendNumbered(store: EventStore, from: number, to: number, size = 1000): Promise<void> {
  for (let start = from; start <= to; start += size) {
    const batches = new Map<string, EventInput[]>();
    for (const n of range(start, Math.min(to, start + size - 1))) {
      const list = batches.get(streamOf(n)) ?? [];
      list.push({ type: 'Noted', payload: { n }, meta: { id: `e-${n}` } });
      batches.set(streamOf(n), list);
    }
    await store.appendMany([...batches].map(([stream, events]) => ({ stream, events })));
  }
  await store.settled();
}

/** Every stream answer of the store, checked against the log read whole. */
async function expectStreamsMatchLog(store: EventStore): Promise<void> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of await store.readAll()) {
    const events = byStream.get(event.meta.stream);
    if (events) events.push(event);
    else byStream.set(event.meta.stream, [event]);
  }
  const expected = [...byStream].map(([stream, events]) => ({ stream, version: events.length, lastSeq: events[events.length - 1]!.meta.seq }));
  const byName = (a: { stream: string }, b: { stream: string }) => a.stream.localeCompare(b.stream);
  expect((await store.listStreams()).sort(byName)).toEqual(expected.sort(byName));
  expect(await store.streamVersions([...byStream.keys(), 'never-written'])).toEqual([...[...byStream.values()].map((e) => e.length), 0]);
  for (const [stream, events] of byStream) expect(await store.readStream(stream)).toEqual(events);
  const long = byStream.get('long-a')!;
  expect(await store.readStream('long-a', { fromVersion: CHUNK - 2, toVersion: CHUNK + 3 })).toEqual(long.slice(CHUNK - 3, CHUNK + 3));
  expect(await store.readStream('long-a', { direction: 'backward', limit: 3 })).toEqual(long.slice(-3).reverse());
}

describe('the stream index', () => {
  it('answers alike from the tail, from runs and from merged buckets, for long streams past the head too', async () => {
    const store = await openStore();
    const db = databaseOf(store);
    await appendNumbered(store, 1, EVENTS_PER_PAGE - 10, 100);
    // Nothing sealed yet: the commits wrote their tail records and no stream record at all.
    expect([await db.streamRuns.count(), await db.streamBuckets.count(), await db.streamIndex.count()]).toEqual([0, 0, 0]);
    await expectStreamsMatchLog(store);

    // Several runs, not yet merged, and a tail after them.
    const unmerged = STREAM_RUNS_PER_MERGE - 1;
    await appendNumbered(store, EVENTS_PER_PAGE - 9, unmerged * EVENTS_PER_PAGE + 40);
    expect(await db.streamRuns.count()).toBe(unmerged);
    await expectStreamsMatchLog(store);

    // Merged buckets, a run sealed after the merge, and a tail.
    const merged = (STREAM_RUNS_PER_MERGE + 1) * EVENTS_PER_PAGE + 123;
    await appendNumbered(store, unmerged * EVENTS_PER_PAGE + 41, merged, EVENTS_PER_PAGE);
    expect(await db.streamRuns.count()).toBe(1);
    expect(await db.streamBuckets.count()).toBeGreaterThan(0);
    // long-a is far past its head: its later versions are in chunk records.
    expect(await db.streamIndex.where('stream').equals('long-a').count()).toBeGreaterThan(0);
    await expectStreamsMatchLog(store);

    // A reopened store (a reload) starts with nothing in memory and reads the same.
    store.close();
    await expectStreamsMatchLog(await openStore());
  });

  it('another tab that last looked before a merge checks versions against the merged buckets, not what it remembers', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await mine.append('shared', [{ type: 'Noted', payload: { n: 0 } }]);
    expect(await mine.streamVersion('shared')).toBe(1);
    await theirs.append('shared', [{ type: 'Noted', payload: { n: 1 } }], { expectedVersion: 1 });
    await appendNumbered(theirs, 1, STREAM_RUNS_PER_MERGE * EVENTS_PER_PAGE, 4000);
    expect(await databaseOf(theirs).streamRuns.count()).toBeLessThan(STREAM_RUNS_PER_MERGE);

    await expect(mine.append('shared', [{ type: 'Noted', payload: { n: 2 } }], { expectedVersion: 1 })).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
    });
    expect(await mine.append('shared', [{ type: 'Noted', payload: { n: 2 } }], { expectedVersion: 2 })).toMatchObject({ version: 3 });
    expect((await mine.readStream('shared')).map((e) => e.payload)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    await expectStreamsMatchLog(mine);
    await expectStreamsMatchLog(theirs);
  });

  it("a refused version check leaves the log as it was, wherever the stream's position is read from", async () => {
    const store = await openStore();
    await appendNumbered(store, 1, 2 * EVENTS_PER_PAGE + 5);
    const before = await store.lastSeq();
    const version = await store.streamVersion('long-b');
    await expect(
      store.appendMany([
        { stream: 'fresh', events: [{ type: 'Noted' }], expectedVersion: 'no_stream' },
        { stream: 'long-b', events: [{ type: 'Noted' }], expectedVersion: version - 1 },
      ]),
    ).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });
    expect(await store.lastSeq()).toBe(before);
    expect(await store.streamVersions(['fresh', 'long-b'])).toEqual([0, version]);
  });
});
