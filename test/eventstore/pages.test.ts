import { afterEach, describe, expect, it, vi } from 'vitest';
import { DuplicateIdError, ScratchLog } from '../../src/eventstore/import/index.ts';
import { EVENTS_PER_PAGE, depsOf, type EventInput, type EventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import { RUNS_PER_MERGE } from '../../src/eventstore/indexes/idRecords.ts';
import { CHUNK } from '../../src/eventstore/indexes/streamRecords.ts';
import { injectFaults, quotaExceeded } from './faultInjection.ts';
import { T0, closeStores, openStore, range, record, seqs } from './helpers.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** `count` events on streams s0..s2 in runs of 50, each recorded one second after the one before; id-n lands at seq n. */
function inputs(count: number, start = 0): { stream: string; event: EventInput }[] {
  return range(start + 1, start + count).map((n) => ({
    stream: `s${Math.floor((n - 1) / 50) % 3}`,
    event: { type: n % 2 ? 'Odd' : 'Even', payload: { n, note: `é ${'x'.repeat(n % 7)}` }, meta: { id: `id-${n}`, at: at(n) } },
  }));
}

/** Appends the inputs in order, in commits of at most `size` events (a commit names each stream once), and waits for the seals. */
async function appendAll(store: EventStore, all: { stream: string; event: EventInput }[], size: number): Promise<void> {
  let batches: { stream: string; events: EventInput[] }[] = [];
  let count = 0;
  const commit = async () => {
    if (batches.length > 0) await store.appendMany(batches);
    batches = [];
    count = 0;
  };
  for (const { stream, event } of all) {
    const current = batches[batches.length - 1];
    if (count === size || (current?.stream !== stream && batches.some((b) => b.stream === stream))) await commit();
    const open = batches[batches.length - 1];
    if (open?.stream === stream) open.events.push(event);
    else batches.push({ stream, events: [event] });
    count += 1;
  }
  await commit();
  await store.settled();
}

const linesOf = (events: StoredEvent[]) => events.map((e) => `${JSON.stringify({ type: e.type, payload: e.payload, meta: e.meta })}\n`).join('');
const textOf = (parts: readonly (string | Uint8Array)[]) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe('sealed pages and the tail', () => {
  it('read back identical and in seq order across page boundaries and the tail, also after reopening', async () => {
    const store = await openStore();
    await appendAll(store, inputs(2 * EVENTS_PER_PAGE + 37), 23);
    const all = await store.readAll();
    expect(seqs(all)).toEqual(range(1, 2 * EVENTS_PER_PAGE + 37));
    expect(await databaseOf(store).pages.count()).toBe(2);
    expect((await databaseOf(store).tail.toArray()).flatMap((r) => r.events).map((e) => e.meta.seq)).toEqual(range(2 * EVENTS_PER_PAGE + 1, 2 * EVENTS_PER_PAGE + 37));
    expect(all[EVENTS_PER_PAGE]).toMatchObject({ type: 'Odd', payload: { n: EVENTS_PER_PAGE + 1 }, meta: { id: `id-${EVENTS_PER_PAGE + 1}`, seq: EVENTS_PER_PAGE + 1 } });

    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(all);
    expect(await reopened.readAll({ fromSeq: EVENTS_PER_PAGE - 2, toSeq: EVENTS_PER_PAGE + 2 })).toEqual(all.slice(EVENTS_PER_PAGE - 3, EVENTS_PER_PAGE + 2));
    expect(await reopened.readAll({ fromSeq: 2 * EVENTS_PER_PAGE + 3, toSeq: 2 * EVENTS_PER_PAGE - 3, direction: 'backward' })).toEqual(
      all.slice(2 * EVENTS_PER_PAGE - 4, 2 * EVENTS_PER_PAGE + 3).reverse(),
    );
    expect(seqs(await reopened.readAll({ fromSeq: EVENTS_PER_PAGE - 1, limit: 4 }))).toEqual(range(EVENTS_PER_PAGE - 1, EVENTS_PER_PAGE + 2));
    expect(seqs(await reopened.readAll({ direction: 'backward', limit: 40 }))).toEqual(range(2 * EVENTS_PER_PAGE - 2, 2 * EVENTS_PER_PAGE + 37).reverse());
    expect(await reopened.readAll({ fromSeq: 5000 })).toEqual([]);
  });

  it('a crash between a commit and its seal loses nothing: the tail is read, and the next seal picks the page up', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = await openStore();
    await appendAll(store, inputs(EVENTS_PER_PAGE - 3), 100);
    const faults = await injectFaults(databaseOf(store));
    faults.fail('write', quotaExceeded, { tables: ['pages'] });
    await appendAll(store, inputs(10, EVENTS_PER_PAGE - 3), 10);
    expect(faults.hits).toBeGreaterThan(0);
    expect(await databaseOf(store).pages.count()).toBe(0);
    faults.clear();
    const expected = await store.readAll();
    expect(seqs(expected)).toEqual(range(1, EVENTS_PER_PAGE + 7));

    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(expected);
    await reopened.settled();
    await appendAll(reopened, inputs(EVENTS_PER_PAGE, EVENTS_PER_PAGE + 7), 250);
    expect(await databaseOf(reopened).pages.count()).toBe(2);
    expect(seqs(await reopened.readAll())).toEqual(range(1, 2 * EVENTS_PER_PAGE + 7));
    expect((await reopened.readAll()).slice(0, EVENTS_PER_PAGE + 7)).toEqual(expected);
  });

  it('reads streams forward and backward, by version bounds and limit, across pages and the tail', async () => {
    const store = await openStore();
    await appendAll(store, inputs(2 * EVENTS_PER_PAGE + 100), 61);
    const all = await store.readAll();
    const s1 = all.filter((e) => e.meta.stream === 's1');
    expect(await store.readStream('s1')).toEqual(s1);
    expect(await store.readStream('s1', { direction: 'backward' })).toEqual([...s1].reverse());
    expect(await store.readStream('s1', { fromVersion: 160, toVersion: 180 })).toEqual(s1.slice(159, 180));
    expect(await store.readStream('s1', { fromVersion: 340, limit: 20 })).toEqual(s1.slice(339, 359));
    expect(await store.readStream('s1', { fromVersion: 300, toVersion: 250, direction: 'backward' })).toEqual(s1.slice(249, 300).reverse());
    expect(await store.readStream('s1', { direction: 'backward', limit: 3 })).toEqual(s1.slice(-3).reverse());
    expect(await store.readStream('s1', { fromVersion: 1000 })).toEqual([]);
    expect(await store.readStream('nobody')).toEqual([]);
  });

  it('finds retries and duplicates of events in sealed pages, before and after their ids are merged into buckets', async () => {
    const store = await openStore();
    const retry = (n: number) => {
      const [{ stream, event }] = inputs(1, n - 1) as [{ stream: string; event: EventInput }];
      return store.append(stream, [event]);
    };
    await appendAll(store, inputs(EVENTS_PER_PAGE + 10), 200);
    expect(await retry(7)).toEqual({ firstSeq: 7, lastSeq: 7, version: 7 });
    await expect(store.append('s1', [{ type: 'Other', meta: { id: 'id-7' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });

    await appendAll(store, inputs(RUNS_PER_MERGE * EVENTS_PER_PAGE, EVENTS_PER_PAGE + 10), EVENTS_PER_PAGE);
    expect(await databaseOf(store).idRuns.count()).toBeLessThan(RUNS_PER_MERGE);
    expect(await databaseOf(store).idBuckets.count()).toBeGreaterThan(0);
    expect(await retry(7)).toEqual({ firstSeq: 7, lastSeq: 7, version: 7 });
    expect(await retry(EVENTS_PER_PAGE + 20)).toMatchObject({ firstSeq: EVENTS_PER_PAGE + 20, lastSeq: EVENTS_PER_PAGE + 20 });
    await expect(store.append('s2', [{ type: 'Other', meta: { id: 'id-8' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await store.lastSeq()).toBe((RUNS_PER_MERGE + 1) * EVENTS_PER_PAGE + 10);

    const last = (RUNS_PER_MERGE + 1) * EVENTS_PER_PAGE + 10;
    const held = await store.hasIds(['id-1', `id-${EVENTS_PER_PAGE + 3}`, `id-${last}`, 'id-none']);
    expect(held).toEqual(new Map([['id-1', 1], [`id-${EVENTS_PER_PAGE + 3}`, EVENTS_PER_PAGE + 3], [`id-${last}`, last]]));
  });

  it('readLines gives the canonical lines an export writes, page bytes and tail text alike', async () => {
    const store = await openStore();
    await appendAll(store, inputs(EVENTS_PER_PAGE + 20), 90);
    const all = await store.readAll();
    const whole = await store.readLines();
    expect(textOf(whole.parts)).toBe(linesOf(all));
    // One piece per page and one for the tail: the page's own UTF-8 bytes, never joined; the tail's lines as text.
    expect(whole.parts).toHaveLength(2);
    expect(whole.parts[0]).toEqual(new TextEncoder().encode(linesOf(all.slice(0, EVENTS_PER_PAGE))));
    expect(typeof whole.parts[1]).toBe('string');
    const across = await store.readLines({ fromSeq: EVENTS_PER_PAGE - 5, limit: 10 });
    expect({ ...across, parts: textOf(across.parts) }).toEqual({
      parts: linesOf(all.slice(EVENTS_PER_PAGE - 6, EVENTS_PER_PAGE + 4)),
      firstSeq: EVENTS_PER_PAGE - 5,
      lastSeq: EVENTS_PER_PAGE + 4,
      count: 10,
    });
    const inside = await store.readLines({ fromSeq: 3, toSeq: 4 });
    expect({ text: textOf(inside.parts), count: inside.count }).toEqual({ text: linesOf(all.slice(2, 4)), count: 2 });
    expect(await store.readLines({ fromSeq: 9999 })).toEqual({ parts: [], firstSeq: 0, lastSeq: 0, count: 0 });
    const pastTheEnd = await store.readLines({ fromSeq: all.length - 1, limit: 50 });
    expect({ text: textOf(pastTheEnd.parts), lastSeq: pastTheEnd.lastSeq }).toEqual({ text: linesOf(all.slice(-2)), lastSeq: all.length });
  });

  it('seqAtTime finds the newest event at or before a time, in pages and in the tail', async () => {
    const store = await openStore();
    await appendAll(store, inputs(2 * EVENTS_PER_PAGE + 30), 77);
    for (const n of [1, 2, EVENTS_PER_PAGE - 1, EVENTS_PER_PAGE, EVENTS_PER_PAGE + 1, 2 * EVENTS_PER_PAGE, 2 * EVENTS_PER_PAGE + 1, 2 * EVENTS_PER_PAGE + 30]) {
      expect(await store.seqAtTime(at(n))).toBe(n);
    }
    expect(await store.seqAtTime(new Date(Date.parse(at(EVENTS_PER_PAGE + 3)) + 500))).toBe(EVENTS_PER_PAGE + 3);
    expect(await store.seqAtTime(at(0))).toBe(0);
    expect(await store.seqAtTime(at(99_999))).toBe(2 * EVENTS_PER_PAGE + 30);
  });

  it('two tabs appending at once across page boundaries stay gapless, and both read the same log', async () => {
    const store = await openStore();
    const otherTab = await openStore();
    const commit = (tab: EventStore, n: number) =>
      tab.append(`tab-${n % 4}`, Array.from({ length: 13 }, (_, i) => ({ type: 'Done', payload: { n, i } })));
    await Promise.all(range(1, 90).map((n) => commit(n % 2 ? store : otherTab, n)));
    const all = await store.readAll();
    expect(seqs(all)).toEqual(range(1, 90 * 13));
    expect(await otherTab.readAll()).toEqual(all);
    expect(await databaseOf(store).pages.count()).toBe(Math.floor((90 * 13) / EVENTS_PER_PAGE));
    for (const stream of ['tab-0', 'tab-1', 'tab-2', 'tab-3']) {
      expect(await otherTab.readStream(stream)).toEqual(all.filter((e) => e.meta.stream === stream));
    }
  });

  it("hands this tab's commits to its subscriptions without reading them back", async () => {
    const store = await openStore();
    await appendAll(store, inputs(5), 5);
    const seen = record(store, 1);
    await seen.until(5);
    const faults = await injectFaults(databaseOf(store));
    faults.fail('scan', quotaExceeded);
    await appendAll(store, inputs(3, 5), 3);
    await seen.until(8);
    expect(seqs(seen.received())).toEqual(range(1, 8));
    expect(seen.errors).toEqual([]);
    seen.stop();
  });
});

describe('ScratchLog', () => {
  async function storedEvents(count: number): Promise<StoredEvent[]> {
    const source = await openStore({ name: 'source' });
    await appendAll(source, inputs(count), 250);
    return source.readAll();
  }

  it('writes pages, ids and stream positions that the store reads back after the switch', async () => {
    // Over CHUNK versions a stream: its positions go beyond the stream row's head into streamIndex records.
    const events = await storedEvents(2 * EVENTS_PER_PAGE + 123);
    const store = await openStore();
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    for (let i = 0; i < events.length; i += 97) await scratch.addEvents(events.slice(i, i + 97));
    await scratch.finish();
    await scratch.promote();

    const live = await openStore();
    expect(await live.readAll()).toEqual(events);
    const s2 = events.filter((e) => e.meta.stream === 's2');
    expect(s2.length).toBeGreaterThan(CHUNK);
    expect(await live.readStream('s2')).toEqual(s2);
    expect(await live.readStream('s2', { direction: 'backward', limit: 5 })).toEqual(s2.slice(-5).reverse());
    expect(await live.hasIds(['id-3', `id-${EVENTS_PER_PAGE + 100}`])).toEqual(new Map([['id-3', 3], [`id-${EVENTS_PER_PAGE + 100}`, EVENTS_PER_PAGE + 100]]));
    await expect(live.append('s0', [{ type: 'Other', meta: { id: 'id-3' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await live.append('s0', [{ type: 'Next' }])).toMatchObject({ firstSeq: 2 * EVENTS_PER_PAGE + 124 });
    expect((await live.readStream('s0', { direction: 'backward', limit: 1 }))[0]).toMatchObject({ type: 'Next' });
  });

  it('a repeated id inside an import throws DuplicateIdError naming both seqs', async () => {
    const events = await storedEvents(EVENTS_PER_PAGE + 50);
    const store = await openStore();
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    const repeated = events.map((e) => (e.meta.seq === EVENTS_PER_PAGE + 40 ? { ...e, meta: { ...e.meta, id: 'id-12' } } : e));
    await scratch.addEvents(repeated.slice(0, 300));
    const error = await scratch.addEvents(repeated.slice(300)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateIdError);
    expect(error).toMatchObject({ id: 'id-12', seq: EVENTS_PER_PAGE + 40, firstSeq: 12 });
    await scratch.discard();
  });
});
