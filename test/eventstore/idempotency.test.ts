import { afterEach, describe, expect, it } from 'vitest';
import type { DuplicateEventError, EventInput } from '../../src/eventstore/index.ts';
import { closeStores, expectRejectsUnchanged, logState, openStore, seqs } from './helpers.ts';

afterEach(closeStores);

const deposit = (id: string, amount = 10, extra: Partial<EventInput['meta']> = {}): EventInput => ({
  type: 'Deposited',
  payload: { amount, note: { by: 'me', tags: ['a', 'b'] } },
  meta: { id, causationId: 'cmd-1', correlationId: 'flow-1', schema: 2, ...extra },
});

describe('an id that is already stored', () => {
  it('with the same content returns the stored positions and writes nothing', async () => {
    const store = await openStore();
    const first = await store.append('acc', [deposit('d1'), deposit('d2', 20)]);
    await store.append('other', [{ type: 'Noise' }]);
    const before = await logState(store);
    // A retry comes later (the clock has moved) and may even claim a stale expected version.
    const retry = await store.append('acc', [deposit('d1'), deposit('d2', 20)], { expectedVersion: 'no_stream' });
    expect(retry).toEqual(first);
    expect(await logState(store)).toEqual(before);
  });

  it('hands back the positions it landed at even after the stream moved on', async () => {
    const store = await openStore();
    const first = await store.append('acc', [deposit('d1')]);
    await store.append('acc', [deposit('d2', 20)]);
    expect(await store.append('acc', [deposit('d1')])).toEqual(first);
  });

  it('treats the same content with keys in another order as the same', async () => {
    const store = await openStore();
    await store.append('acc', [{ type: 'T', payload: { a: 1, b: { c: 2, d: 3 } }, meta: { id: 'x', schema: 1 } }]);
    const before = await logState(store);
    const retry = await store.append('acc', [{ meta: { schema: 1, id: 'x' }, payload: { b: { d: 3, c: 2 }, a: 1 }, type: 'T' }]);
    expect(retry).toEqual({ firstSeq: 1, lastSeq: 1, version: 1 });
    expect(await logState(store)).toEqual(before);
  });

  it('retried inside appendMany beside a new batch writes only the new batch', async () => {
    const store = await openStore();
    const first = await store.append('acc', [deposit('d1')]);
    const results = await store.appendMany([
      { stream: 'acc', events: [deposit('d1')] },
      { stream: 'log', events: [{ type: 'Logged', meta: { id: 'l1' } }] },
    ]);
    expect(results).toEqual([first, { firstSeq: 2, lastSeq: 2, version: 1 }]);
    expect(seqs(await store.readAll())).toEqual([1, 2]);
  });

  it.each<[string, EventInput, string]>([
    ['another payload', deposit('d1', 11), 'acc'],
    ['another type', { ...deposit('d1'), type: 'Withdrawn' }, 'acc'],
    ['another causationId', deposit('d1', 10, { causationId: 'cmd-2' }), 'acc'],
    ['another correlationId', deposit('d1', 10, { correlationId: 'flow-2' }), 'acc'],
    ['another schema', deposit('d1', 10, { schema: 3 }), 'acc'],
    ['a sample flag', deposit('d1', 10, { sample: true }), 'acc'],
    ['the same content in another stream', deposit('d1'), 'elsewhere'],
  ])('with %s throws DuplicateEventError and writes nothing', async (_, event, stream) => {
    const store = await openStore();
    await store.append('acc', [deposit('d1')]);
    const error = await expectRejectsUnchanged(store, () => store.append(stream, [event]), 'DuplicateEventError');
    expect((error as DuplicateEventError).eventId).toBe('d1');
    expect(error.message).toContain('"d1"');
  });

  it('mixed with new events in one batch is refused as a whole (a retry must repeat the batch)', async () => {
    const store = await openStore();
    await store.append('acc', [deposit('d1')]);
    await expectRejectsUnchanged(store, () => store.append('acc', [deposit('d1'), deposit('d9', 90)]), 'DuplicateEventError');
  });

  it('clashing in the second stream of appendMany leaves nothing of the first', async () => {
    const store = await openStore();
    await store.append('acc', [deposit('d1')]);
    await expectRejectsUnchanged(
      store,
      () =>
        store.appendMany([
          { stream: 'fresh', events: [{ type: 'New', meta: { id: 'n1' } }] },
          { stream: 'acc', events: [deposit('d1', 99)] },
        ]),
      'DuplicateEventError',
    );
  });
});

describe('an id repeated inside one append', () => {
  it('within one batch is invalid, even with identical content', async () => {
    const store = await openStore();
    await store.append('acc', [deposit('d0')]);
    const error = await expectRejectsUnchanged(
      store,
      () => store.append('acc', [deposit('d1'), deposit('d2'), deposit('d1')]),
      'InvalidEventError',
    );
    expect(error.message).toContain('"d1"');
  });

  it('across two streams of appendMany is invalid', async () => {
    const store = await openStore();
    await expectRejectsUnchanged(
      store,
      () =>
        store.appendMany([
          { stream: 'a', events: [deposit('d1')] },
          { stream: 'b', events: [deposit('d1')] },
        ]),
      'InvalidEventError',
    );
  });
});

describe('ids the store makes', () => {
  it('come from newId when the caller gives none, and the caller’s id is kept', async () => {
    const store = await openStore();
    await store.append('acc', [{ type: 'A' }, { type: 'B', meta: { id: 'mine' } }, { type: 'C' }]);
    expect((await store.readAll()).map((e) => e.meta.id)).toEqual(['evt-1', 'mine', 'evt-2']);
  });

  it('are unique by default (random UUIDs)', async () => {
    const store = await openStore({ newId: undefined });
    await store.append('acc', [{ type: 'A' }, { type: 'A' }]);
    await store.append('acc', [{ type: 'A' }]);
    const ids = (await store.readAll()).map((e) => e.meta.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
