import { afterEach, describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/eventstore/index.ts';
import { closeStores, expectRejectsUnchanged, openStore, seqs, versions } from './helpers.ts';

afterEach(closeStores);

const ev = (type: string): EventInput => ({ type });

describe('appendMany', () => {
  it('writes several streams in the given order with consecutive seqs', async () => {
    const store = await openStore();
    await store.append('b', [ev('B0')]);
    const results = await store.appendMany([
      { stream: 'a', events: [ev('A1'), ev('A2')], expectedVersion: 'no_stream' },
      { stream: 'b', events: [ev('B1')], expectedVersion: 1 },
      { stream: 'c', events: [ev('C1')] },
    ]);
    expect(results).toEqual([
      { firstSeq: 2, lastSeq: 3, version: 2 },
      { firstSeq: 4, lastSeq: 4, version: 2 },
      { firstSeq: 5, lastSeq: 5, version: 1 },
    ]);
    expect((await store.readAll()).map((e) => [e.type, e.meta.stream, e.meta.version])).toEqual([
      ['B0', 'b', 1],
      ['A1', 'a', 1],
      ['A2', 'a', 2],
      ['B1', 'b', 2],
      ['C1', 'c', 1],
    ]);
  });

  it('leaves nothing of the first stream when the second stream’s expectedVersion fails', async () => {
    const store = await openStore();
    await store.append('b', [ev('B0')]);
    const error = await expectRejectsUnchanged(
      store,
      () =>
        store.appendMany([
          { stream: 'a', events: [ev('A1'), ev('A2')], expectedVersion: 'no_stream' },
          { stream: 'b', events: [ev('B1')], expectedVersion: 0 },
        ]),
      'WrongExpectedVersionError',
    );
    expect(error).toMatchObject({ stream: 'b', expected: 0, actual: 1 });
    expect(await store.streamVersion('a')).toBe(0);
    // Nothing half-written blocks the retry with the right version.
    await store.appendMany([
      { stream: 'a', events: [ev('A1')], expectedVersion: 'no_stream' },
      { stream: 'b', events: [ev('B1')], expectedVersion: 1 },
    ]);
    expect(seqs(await store.readAll())).toEqual([1, 2, 3]);
  });

  it('checks an empty batch’s expected version together with the others', async () => {
    const store = await openStore();
    await expectRejectsUnchanged(
      store,
      () =>
        store.appendMany([
          { stream: 'a', events: [ev('A1')] },
          { stream: 'guard', events: [], expectedVersion: 'stream_exists' },
        ]),
      'WrongExpectedVersionError',
    );
  });

  it('takes the new stream positions of earlier batches into account (the same stream may not appear twice)', async () => {
    const store = await openStore();
    await store.appendMany([
      { stream: 'a', events: [ev('A1')] },
      { stream: 'b', events: [ev('B1')] },
    ]);
    await store.appendMany([
      { stream: 'b', events: [ev('B2')], expectedVersion: 1 },
      { stream: 'a', events: [ev('A2')], expectedVersion: 1 },
    ]);
    expect(versions(await store.readStream('a'))).toEqual([1, 2]);
    expect(seqs(await store.readStream('a'))).toEqual([1, 4]);
  });
});

describe('a checkpoint written with appendMany', () => {
  it('lands with the batch', async () => {
    const store = await openStore();
    await store.appendMany([{ stream: 'a', events: [ev('A1')] }], { checkpoint: { name: 'pm', seq: 41 } });
    expect(await store.getCheckpoint('pm')).toBe(41);
    expect(await store.lastSeq()).toBe(1);
  });

  it.each([
    ['a wrong expected version', [{ stream: 'a', events: [ev('A2')], expectedVersion: 0 }], 'WrongExpectedVersionError'],
    ['a duplicate id', [{ stream: 'a', events: [{ type: 'Other', meta: { id: 'evt-1' } }] }], 'DuplicateEventError'],
    ['an invalid event', [{ stream: 'b', events: [ev('B1'), ev('')] }], 'InvalidEventError'],
  ])('does not land when the batch fails on %s', async (_, batches, errorName) => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    await store.setCheckpoint('pm', 7);
    await expectRejectsUnchanged(store, () => store.appendMany(batches, { checkpoint: { name: 'pm', seq: 8 } }), errorName);
    expect(await store.getCheckpoint('pm')).toBe(7);
  });

  it('lands when the batch holds no events (a process manager that decided nothing still moves on)', async () => {
    const store = await openStore();
    await store.append('a', [ev('A1')]);
    expect(await store.appendMany([], { checkpoint: { name: 'pm', seq: 1 } })).toEqual([]);
    expect(await store.getCheckpoint('pm')).toBe(1);
    await store.appendMany([{ stream: 'a', events: [] }], { checkpoint: { name: 'pm', seq: 2 } });
    expect(await store.getCheckpoint('pm')).toBe(2);
    expect(await store.lastSeq()).toBe(1);
  });
});
