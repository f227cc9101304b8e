import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_PER_PAGE, type EventInput, type EventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { RUNS_PER_MERGE } from '../../../src/eventstore/indexes/idRecords.ts';
import { injectFaults, quotaExceeded } from '../faultInjection.ts';
import { appendInCommits, at, closeStores, numberedInputs, openStore, range, record, seqs } from '../helpers.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const linesOf = (events: StoredEvent[]) => events.map((e) => `${JSON.stringify({ type: e.type, payload: e.payload, meta: e.meta })}\n`).join('');
const textOf = (parts: readonly (string | Uint8Array)[]) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe('sealed pages and the tail', () => {
  it('read back identical and in seq order across page boundaries and the tail, also after reopening', async () => {
    const store = await openStore();
    await appendInCommits(store, numberedInputs(2 * EVENTS_PER_PAGE + 37), 23);
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
    await appendInCommits(store, numberedInputs(EVENTS_PER_PAGE - 3), 100);
    const faults = await injectFaults(databaseOf(store));
    faults.fail('write', quotaExceeded, { tables: ['pages'] });
    await appendInCommits(store, numberedInputs(10, EVENTS_PER_PAGE - 3), 10);
    expect(faults.hits).toBeGreaterThan(0);
    expect(await databaseOf(store).pages.count()).toBe(0);
    faults.clear();
    const expected = await store.readAll();
    expect(seqs(expected)).toEqual(range(1, EVENTS_PER_PAGE + 7));

    const reopened = await openStore();
    expect(await reopened.readAll()).toEqual(expected);
    // Opening the log seals what the crash left in the tail.
    await reopened.settled();
    expect(await databaseOf(reopened).pages.count()).toBe(1);
    await appendInCommits(reopened, numberedInputs(EVENTS_PER_PAGE, EVENTS_PER_PAGE + 7), 250);
    expect(await databaseOf(reopened).pages.count()).toBe(2);
    expect(seqs(await reopened.readAll())).toEqual(range(1, 2 * EVENTS_PER_PAGE + 7));
    expect((await reopened.readAll()).slice(0, EVENTS_PER_PAGE + 7)).toEqual(expected);
  });

  it('reads streams forward and backward, by version bounds and limit, across pages and the tail', async () => {
    const store = await openStore();
    await appendInCommits(store, numberedInputs(2 * EVENTS_PER_PAGE + 100), 61);
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
      const [{ stream, event }] = numberedInputs(1, n - 1) as [{ stream: string; event: EventInput }];
      return store.append(stream, [event]);
    };
    await appendInCommits(store, numberedInputs(EVENTS_PER_PAGE + 10), 200);
    expect(await retry(7)).toEqual({ firstSeq: 7, lastSeq: 7, version: 7 });
    await expect(store.append('s1', [{ type: 'Other', meta: { id: 'id-7' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });

    await appendInCommits(store, numberedInputs(RUNS_PER_MERGE * EVENTS_PER_PAGE, EVENTS_PER_PAGE + 10), EVENTS_PER_PAGE);
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
    await appendInCommits(store, numberedInputs(EVENTS_PER_PAGE + 20), 90);
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
    await appendInCommits(store, numberedInputs(2 * EVENTS_PER_PAGE + 30), 77);
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
    await appendInCommits(store, numberedInputs(5), 5);
    const seen = record(store, 1);
    await seen.until(5);
    const faults = await injectFaults(databaseOf(store));
    faults.fail('scan', quotaExceeded);
    await appendInCommits(store, numberedInputs(3, 5), 3);
    await seen.until(8);
    expect(seqs(seen.received())).toEqual(range(1, 8));
    expect(seen.errors).toEqual([]);
    seen.stop();
  });
});
