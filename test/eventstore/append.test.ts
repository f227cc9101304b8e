import { afterEach, describe, expect, it } from 'vitest';
import type { ExpectedVersion, WrongExpectedVersionError } from '../../src/eventstore/index.ts';
import { closeStores, expectRejectsUnchanged, logState, openStore, range, seqs, versions } from './helpers.ts';

afterEach(closeStores);

const one = (n = 1) => Array.from({ length: n }, (_, i) => ({ type: 'Tick', payload: { i } }));

describe('append results', () => {
  it('numbers events with gapless seqs and per-stream versions starting at 1', async () => {
    const store = await openStore();
    expect(await store.append('a', one(2))).toEqual({ firstSeq: 1, lastSeq: 2, version: 2 });
    expect(await store.append('b', one(1))).toEqual({ firstSeq: 3, lastSeq: 3, version: 1 });
    expect(await store.append('a', one(3))).toEqual({ firstSeq: 4, lastSeq: 6, version: 5 });
    expect(await store.lastSeq()).toBe(6);
    expect(await store.streamVersion('a')).toBe(5);
    expect(await store.streamVersion('b')).toBe(1);
    expect(await store.streamVersion('never')).toBe(0);
    expect(versions(await store.readStream('a'))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps what it wrote after the store is closed and opened again', async () => {
    const first = await openStore();
    await first.append('a', one(2));
    first.close();
    const again = await openStore();
    expect(seqs(await again.readAll())).toEqual([1, 2]);
    expect(await again.append('a', one(), { expectedVersion: 2 })).toEqual({ firstSeq: 3, lastSeq: 3, version: 3 });
  });

  it('writes nothing for an empty batch and reports where the stream stands', async () => {
    const store = await openStore();
    await store.append('a', one(2));
    const before = await logState(store);
    expect(await store.append('a', [])).toEqual({ firstSeq: 0, lastSeq: 0, version: 2 });
    expect(await store.append('new', [])).toEqual({ firstSeq: 0, lastSeq: 0, version: 0 });
    expect(await logState(store)).toEqual(before);
  });

  it('refuses appends once closed', async () => {
    const store = await openStore();
    store.close();
    await expect(store.append('a', one())).rejects.toMatchObject({ name: 'EventStoreClosedError' });
  });
});

describe('expectedVersion matrix', () => {
  // [expected, holds on an empty stream, holds on a stream of 2 events]
  const matrix: [ExpectedVersion | undefined, boolean, boolean][] = [
    [undefined, true, true],
    ['any', true, true],
    ['no_stream', true, false],
    ['stream_exists', false, true],
    [0, true, false],
    [1, false, false],
    [2, false, true],
    [3, false, false],
  ];

  describe.each(matrix)('expectedVersion %s', (expected, onEmpty, onTwo) => {
    it(`${onEmpty ? 'appends to' : 'rejects'} an empty stream`, async () => {
      const store = await openStore();
      await store.append('other', one(3)); // other streams' versions must not count
      await check(store, 'a', expected, onEmpty, 0);
    });

    it(`${onTwo ? 'appends to' : 'rejects'} a stream holding 2 events`, async () => {
      const store = await openStore();
      await store.append('a', one(2));
      await store.append('other', one(3));
      await check(store, 'a', expected, onTwo, 2);
    });
  });

  async function check(
    store: Awaited<ReturnType<typeof openStore>>,
    stream: string,
    expected: ExpectedVersion | undefined,
    holds: boolean,
    actual: number,
  ) {
    const append = () => store.append(stream, one(2), { expectedVersion: expected });
    if (holds) {
      const last = await store.lastSeq();
      expect(await append()).toEqual({ firstSeq: last + 1, lastSeq: last + 2, version: actual + 2 });
      expect(versions(await store.readStream(stream))).toEqual(range(1, actual + 2));
      return;
    }
    const error = (await expectRejectsUnchanged(store, append, 'WrongExpectedVersionError')) as WrongExpectedVersionError;
    expect(error).toMatchObject({ stream, expected, actual });
    expect(error.message).toContain(`"${stream}"`);
    expect(error.message).toContain(String(expected));
    expect(error.message).toContain(String(actual));
  }

  it('checks the expected version of an empty batch too', async () => {
    const store = await openStore();
    await store.append('a', one(2));
    await expectRejectsUnchanged(store, () => store.append('a', [], { expectedVersion: 5 }), 'WrongExpectedVersionError');
    await expectRejectsUnchanged(store, () => store.append('b', [], { expectedVersion: 'stream_exists' }), 'WrongExpectedVersionError');
  });

  it.each([-1, 1.5, 'foo', '2', NaN, Infinity, null])('rejects expectedVersion %s as invalid and writes nothing', async (bad) => {
    const store = await openStore();
    await store.append('a', one(2));
    const error = await expectRejectsUnchanged(
      store,
      () => store.append('a', one(), { expectedVersion: bad as ExpectedVersion }),
      'InvalidEventError',
    );
    expect(error.message).toContain('expectedVersion');
  });
});

describe('concurrent appends', () => {
  it.each([
    ['a stream at version 2', 2 as ExpectedVersion, 2],
    ['no stream yet', 'no_stream' as ExpectedVersion, 0],
  ])('of five with the same expected version on %s, exactly one lands', async (_, expected, start) => {
    const store = await openStore();
    if (start > 0) await store.append('a', one(start));
    const outcomes = await Promise.allSettled(
      range(1, 5).map((n) => store.append('a', [{ type: 'Try', payload: { n } }], { expectedVersion: expected })),
    );
    const landed = outcomes.filter((o) => o.status === 'fulfilled');
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(landed).toHaveLength(1);
    expect(failed.map((f) => (f.reason as Error).name)).toEqual(Array(4).fill('WrongExpectedVersionError'));
    expect(failed.map((f) => (f.reason as WrongExpectedVersionError).actual)).toEqual(Array(4).fill(start + 1));
    const stream = await store.readStream('a');
    expect(versions(stream)).toEqual(range(1, start + 1));
    expect(seqs(await store.readAll())).toEqual(range(1, start + 1));
  });

  it('from two stores on one database (two tabs), exactly one lands', async () => {
    const tab1 = await openStore();
    const tab2 = await openStore();
    await tab1.append('a', one(1));
    const outcomes = await Promise.allSettled([
      tab1.append('a', one(), { expectedVersion: 1 }),
      tab2.append('a', one(), { expectedVersion: 1 }),
      tab2.append('a', one(), { expectedVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(versions(await tab2.readStream('a'))).toEqual([1, 2]);
  });

  it("with 'any' all land, with gapless seqs and versions", async () => {
    const tab1 = await openStore();
    const tab2 = await openStore();
    const results = await Promise.all(
      range(1, 6).map((n) => (n % 2 ? tab1 : tab2).append(n % 3 ? 'a' : 'b', one(2), { expectedVersion: 'any' })),
    );
    expect(results.flatMap((r) => [r.firstSeq, r.lastSeq]).sort((x, y) => x - y)).toEqual(range(1, 12));
    expect(seqs(await tab1.readAll())).toEqual(range(1, 12));
    expect(versions(await tab1.readStream('a'))).toEqual(range(1, 8));
    expect(versions(await tab1.readStream('b'))).toEqual(range(1, 4));
  });
});
