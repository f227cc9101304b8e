import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Direction, EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import { closeStores, openStore, range, seqs, T0, versions } from './helpers.ts';

afterEach(closeStores);

/**
 * a: versions 1-5 at seqs 1,2,3,6,7; b: 1-3 at 4,5,8; c: 1 at 9.
 * The clock moves one minute per append, so append k is recorded at T0 + (k-1) minutes.
 */
async function interleaved(): Promise<EventStore> {
  const store = await openStore();
  const tick = (stream: string, n: number) =>
    store.append(
      stream,
      Array.from({ length: n }, () => ({ type: `${stream}-event`, payload: { stream } })),
    );
  await tick('a', 3);
  await tick('b', 2);
  await tick('a', 2);
  await tick('b', 1);
  await tick('c', 1);
  return store;
}

/** Reads batch after batch of at most n, each starting next to where the last ended, until one comes back empty. */
async function inBatches(
  direction: Direction,
  n: number,
  position: (event: StoredEvent) => number,
  read: (from: number | undefined) => Promise<StoredEvent[]>,
): Promise<StoredEvent[]> {
  const pieces: StoredEvent[] = [];
  for (;;) {
    const last = pieces.at(-1);
    const from = last && position(last) + (direction === 'forward' ? 1 : -1);
    if (from === 0) break;
    const batch = await read(from);
    if (batch.length === 0) break;
    expect(batch.length).toBeLessThanOrEqual(n);
    pieces.push(...batch);
  }
  return pieces;
}

describe('readStream', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await interleaved();
  });

  it.each<[string, Parameters<EventStore['readStream']>[1], number[]]>([
    ['everything forward', {}, [1, 2, 3, 4, 5]],
    ['everything backward', { direction: 'backward' }, [5, 4, 3, 2, 1]],
    ['from a version', { fromVersion: 3 }, [3, 4, 5]],
    ['from a version to a version', { fromVersion: 2, toVersion: 4 }, [2, 3, 4]],
    ['one version', { fromVersion: 4, toVersion: 4 }, [4]],
    ['backward from a version', { direction: 'backward', fromVersion: 3 }, [3, 2, 1]],
    ['backward from a version to a version', { direction: 'backward', fromVersion: 4, toVersion: 2 }, [4, 3, 2]],
    ['by limit', { limit: 2 }, [1, 2]],
    ['backward by limit', { direction: 'backward', limit: 2 }, [5, 4]],
    ['from a version by limit', { fromVersion: 2, limit: 2 }, [2, 3]],
    ['limit larger than the stream', { limit: 50 }, [1, 2, 3, 4, 5]],
    ['limit 0', { limit: 0 }, []],
    ['past the end', { fromVersion: 6 }, []],
    ['an empty range', { fromVersion: 4, toVersion: 2 }, []],
  ])('reads %s', async (_, options, expected) => {
    const events = await store.readStream('a', options);
    expect(versions(events)).toEqual(expected);
    expect(events.every((e) => e.meta.stream === 'a')).toBe(true);
  });

  it('keeps streams apart and gives an unknown stream no events', async () => {
    expect(seqs(await store.readStream('a'))).toEqual([1, 2, 3, 6, 7]);
    expect(seqs(await store.readStream('b'))).toEqual([4, 5, 8]);
    expect(seqs(await store.readStream('c'))).toEqual([9]);
    expect(await store.readStream('nope')).toEqual([]);
    // Stream names that sort next to each other must not leak into one another.
    await store.append('a2', [{ type: 'x' }]);
    expect(versions(await store.readStream('a'))).toEqual([1, 2, 3, 4, 5]);
  });

  it.each<[Direction, number]>([
    ['forward', 1],
    ['forward', 2],
    ['forward', 3],
    ['backward', 2],
    ['backward', 4],
  ])('read %s in batches of %i equals one read', async (direction, n) => {
    const pieces = await inBatches(direction, n, (e) => e.meta.version, (fromVersion) =>
      store.readStream('a', { direction, fromVersion, limit: n }),
    );
    expect(pieces).toEqual(await store.readStream('a', { direction }));
  });
});

describe('readAll', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await interleaved();
  });

  it.each<[string, Parameters<EventStore['readAll']>[0], number[]]>([
    ['everything forward', {}, range(1, 9)],
    ['everything backward', { direction: 'backward' }, range(1, 9).reverse()],
    ['from a seq (inclusive)', { fromSeq: 4 }, range(4, 9)],
    ['to a seq (inclusive)', { toSeq: 3 }, [1, 2, 3]],
    ['between two seqs', { fromSeq: 3, toSeq: 5 }, [3, 4, 5]],
    ['by limit', { limit: 4 }, [1, 2, 3, 4]],
    ['from a seq by limit', { fromSeq: 5, limit: 2 }, [5, 6]],
    ['backward by limit', { direction: 'backward', limit: 2 }, [9, 8]],
    ['backward from a seq', { direction: 'backward', fromSeq: 5 }, [5, 4, 3, 2, 1]],
    ['backward from a seq to a seq by limit', { direction: 'backward', fromSeq: 8, toSeq: 3, limit: 4 }, [8, 7, 6, 5]],
    ['from seq 0', { fromSeq: 0 }, range(1, 9)],
    ['past the end', { fromSeq: 10 }, []],
    ['a range reaching past the end', { fromSeq: 7, toSeq: 50 }, [7, 8, 9]],
    ['a limit reaching past the end', { fromSeq: 8, limit: 5 }, [8, 9]],
    ['limit 0', { limit: 0 }, []],
  ])('reads %s', async (_, options, expected) => {
    expect(seqs(await store.readAll(options))).toEqual(expected);
  });

  it.each<[Direction, number]>([
    ['forward', 1],
    ['forward', 2],
    ['forward', 4],
    ['forward', 9],
    ['forward', 10],
    ['backward', 2],
    ['backward', 5],
  ])('read %s in batches of %i equals one read', async (direction, n) => {
    const pieces = await inBatches(direction, n, (e) => e.meta.seq, (fromSeq) => store.readAll({ direction, fromSeq, limit: n }));
    expect(pieces).toEqual(await store.readAll({ direction }));
  });

  it('numbers seq gaplessly across interleaved streams and matches each stream’s own reads', async () => {
    const all = await store.readAll();
    expect(seqs(all)).toEqual(range(1, 9));
    for (const stream of ['a', 'b', 'c']) {
      expect(all.filter((e) => e.meta.stream === stream)).toEqual(await store.readStream(stream));
    }
  });

  it('lists streams with their versions and last seqs', async () => {
    const streams = (await store.listStreams()).sort((x, y) => x.stream.localeCompare(y.stream));
    expect(streams).toEqual([
      { stream: 'a', version: 5, lastSeq: 7 },
      { stream: 'b', version: 3, lastSeq: 8 },
      { stream: 'c', version: 1, lastSeq: 9 },
    ]);
    expect(await store.lastSeq()).toBe(9);
  });
});

describe('the stored event', () => {
  it('is exactly { type, payload, meta } with the meta the store assigns', async () => {
    const store = await openStore();
    await store.append('acc-1', [{ type: 'Opened', payload: { owner: 'Ana' } }]);
    await store.append('acc-1', [
      { type: 'Deposited', payload: { cents: 500 }, meta: { causationId: 'cmd-9', correlationId: 'flow-3', schema: 2 } },
      { type: 'Noted' },
    ]);
    expect(await store.readAll()).toStrictEqual([
      { type: 'Opened', payload: { owner: 'Ana' }, meta: { id: 'evt-1', seq: 1, stream: 'acc-1', version: 1, at: T0 } },
      {
        type: 'Deposited',
        payload: { cents: 500 },
        meta: {
          id: 'evt-2',
          seq: 2,
          stream: 'acc-1',
          version: 2,
          at: '2026-01-01T00:01:00.000Z',
          causationId: 'cmd-9',
          correlationId: 'flow-3',
          schema: 2,
        },
      },
      // An omitted payload is stored as null, so the event stays JSON.
      { type: 'Noted', payload: null, meta: { id: 'evt-3', seq: 3, stream: 'acc-1', version: 3, at: '2026-01-01T00:01:00.000Z' } },
    ]);
  });

  it('keeps a caller’s meta.at and sample flag', async () => {
    const store = await openStore();
    await store.append('s', [{ type: 'Imported', meta: { at: '2020-05-06T07:08:09.010Z', sample: true } }]);
    const [event] = await store.readAll();
    expect(event!.meta).toMatchObject({ at: '2020-05-06T07:08:09.010Z', sample: true });
  });

  it('is plain JSON with only allowed keys, whatever optional meta the caller left undefined', async () => {
    const store = await openStore({ clock: () => new Date(Date.UTC(2026, 6, 1, 12, 30, 15, 250)) });
    const optional = { causationId: undefined, correlationId: undefined, schema: undefined, sample: undefined };
    await store.append('s', [{ type: 'A', payload: { list: [1, 'two'] }, meta: { ...optional, id: undefined, at: undefined } }]);
    await store.append('s', [{ type: 'B', meta: { correlationId: 'c', sample: false } }]);
    const allowed = ['id', 'seq', 'stream', 'version', 'at', 'causationId', 'correlationId', 'schema', 'sample'];
    for (const event of await store.readAll()) {
      expect(Object.keys(event).sort()).toEqual(['meta', 'payload', 'type']);
      expect(Object.keys(event.meta)).toEqual(expect.arrayContaining(['id', 'seq', 'stream', 'version', 'at']));
      expect(allowed).toEqual(expect.arrayContaining(Object.keys(event.meta)));
      expect(event.meta.at).toBe('2026-07-01T12:30:15.250Z');
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
    }
  });
});

describe('seqAtTime', () => {
  it('finds the newest seq recorded at or before a time', async () => {
    // Appends at T0, T0+1m, T0+2m, T0+3m; the third append holds two events.
    const store = await openStore();
    await store.append('a', [{ type: 'x' }]);
    await store.append('b', [{ type: 'x' }]);
    await store.append('a', [{ type: 'x' }, { type: 'y' }]);
    await store.append('c', [{ type: 'x' }]);
    const at = (minutes: number, seconds = 0) => new Date(Date.parse(T0) + minutes * 60_000 + seconds * 1000);
    expect(await store.seqAtTime(at(-1))).toBe(0);
    expect(await store.seqAtTime(at(0))).toBe(1);
    expect(await store.seqAtTime(at(0, 59))).toBe(1);
    expect(await store.seqAtTime(at(1))).toBe(2);
    expect(await store.seqAtTime(at(2))).toBe(4);
    expect(await store.seqAtTime(at(2, 30))).toBe(4);
    expect(await store.seqAtTime(at(60))).toBe(5);
    expect(await store.seqAtTime('2026-01-01T00:02:30.000Z')).toBe(4);
    expect(await store.seqAtTime('2026-01-01T01:02:00+01:00')).toBe(4);
  });

  it('is 0 on an empty log', async () => {
    const store = await openStore();
    expect(await store.seqAtTime(new Date(T0))).toBe(0);
  });

  it('uses the real clock when none is given', async () => {
    const store = await openStore({ clock: undefined });
    const before = Date.now();
    await store.append('a', [{ type: 'x' }]);
    const [event] = await store.readAll();
    expect(Date.parse(event!.meta.at)).toBeGreaterThanOrEqual(before);
    expect(await store.seqAtTime(new Date(Date.parse(event!.meta.at)))).toBe(1);
    expect(await store.seqAtTime(new Date(before - 1000))).toBe(0);
  });
});
