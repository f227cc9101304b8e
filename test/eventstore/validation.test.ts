import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES, type EventInput, type EventStore, type InvalidEventError } from '../../src/eventstore/index.ts';
import { closeStores, expectRejectsUnchanged, openStore, T0 } from './helpers.ts';

afterEach(closeStores);

class Money {
  cents = 100;
}
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const cyclicArray: unknown[] = [1];
cyclicArray.push({ back: cyclicArray });
// eslint-disable-next-line no-sparse-arrays
const sparse = [1, , 3];

const good = (n: number): EventInput => ({ type: 'Good', payload: { n } });

/** [what is wrong, the bad event]. Cast because most of these do not type-check, which is the point. */
const badEvents: [string, unknown][] = [
  ['type missing', { payload: {} }],
  ['type empty', { type: '' }],
  ['type blank', { type: '   ' }],
  ['type a number', { type: 42 }],
  ['type null', { type: null }],
  ['type an object', { type: { name: 'X' } }],
  ['payload undefined', { type: 'T', payload: undefined }],
  ['payload with an undefined value inside', { type: 'T', payload: { a: 1, b: undefined } }],
  ['payload with a hole in an array', { type: 'T', payload: { list: sparse } }],
  ['payload a function', { type: 'T', payload: () => 1 }],
  ['payload holding a function', { type: 'T', payload: { f() {} } }],
  ['payload NaN', { type: 'T', payload: NaN }],
  ['payload holding NaN', { type: 'T', payload: { n: [1, NaN] } }],
  ['payload Infinity', { type: 'T', payload: { n: Infinity } }],
  ['payload -Infinity', { type: 'T', payload: -Infinity }],
  ['payload a Date', { type: 'T', payload: new Date(T0) }],
  ['payload holding a Date', { type: 'T', payload: { when: new Date(T0) } }],
  ['payload a BigInt', { type: 'T', payload: 10n }],
  ['payload holding a BigInt', { type: 'T', payload: { n: 10n } }],
  ['payload a symbol', { type: 'T', payload: { s: Symbol('s') } }],
  ['payload with a cycle', { type: 'T', payload: cyclic }],
  ['payload with a cycle through an array', { type: 'T', payload: { list: cyclicArray } }],
  ['payload a class instance', { type: 'T', payload: new Money() }],
  ['payload holding a class instance', { type: 'T', payload: { price: new Money() } }],
  ['payload a Map', { type: 'T', payload: new Map([['a', 1]]) }],
  ['payload a Set', { type: 'T', payload: { s: new Set([1]) } }],
  ['payload a typed array', { type: 'T', payload: { bytes: new Uint8Array(2) } }],
  ['key error (FSA keeps errors in type and payload)', { type: 'T', error: true }],
  ['key foo', { type: 'T', foo: 1 }],
  ['key id at the top level', { type: 'T', id: 'x' }],
  ['meta a string', { type: 'T', meta: 'm' }],
  ['meta an array', { type: 'T', meta: [] }],
  ['meta null', { type: 'T', meta: null }],
  ['meta.seq set by the caller', { type: 'T', meta: { seq: 1 } }],
  ['meta.version set by the caller', { type: 'T', meta: { version: 1 } }],
  ['meta.stream set by the caller', { type: 'T', meta: { stream: 's' } }],
  ['meta with an unknown key', { type: 'T', meta: { user: 'bob' } }],
  ['meta.id empty', { type: 'T', meta: { id: '' } }],
  ['meta.id a number', { type: 'T', meta: { id: 7 } }],
  ['meta.id over 200 characters', { type: 'T', meta: { id: 'x'.repeat(201) } }],
  ['meta.at a Date object', { type: 'T', meta: { at: new Date(T0) } }],
  ['meta.at a number', { type: 'T', meta: { at: Date.parse(T0) } }],
  ['meta.at a date only', { type: 'T', meta: { at: '2026-01-01' } }],
  ['meta.at without milliseconds', { type: 'T', meta: { at: '2026-01-01T00:00:00Z' } }],
  ['meta.at with an offset instead of Z', { type: 'T', meta: { at: '2026-01-01T01:00:00.000+01:00' } }],
  ['meta.at without a zone', { type: 'T', meta: { at: '2026-01-01T00:00:00.000' } }],
  ['meta.at in words', { type: 'T', meta: { at: 'yesterday' } }],
  ['meta.at month 13', { type: 'T', meta: { at: '2026-13-01T00:00:00.000Z' } }],
  ['meta.at 30 February', { type: 'T', meta: { at: '2026-02-30T00:00:00.000Z' } }],
  ['meta.at hour 24', { type: 'T', meta: { at: '2026-01-01T24:00:00.000Z' } }],
  ['meta.causationId empty', { type: 'T', meta: { causationId: '' } }],
  ['meta.correlationId a number', { type: 'T', meta: { correlationId: 3 } }],
  ['meta.schema 0', { type: 'T', meta: { schema: 0 } }],
  ['meta.schema 1.5', { type: 'T', meta: { schema: 1.5 } }],
  ['meta.schema a string', { type: 'T', meta: { schema: '2' } }],
  ['meta.sample a string', { type: 'T', meta: { sample: 'yes' } }],
  ['the event null', null],
  ['the event a string', 'Deposited'],
  ['the event an array', ['T', {}]],
  ['the event a class instance', new Money()],
];

/** Seeds the log so "writes nothing" is checked against a log that is not empty. */
async function seeded(): Promise<EventStore> {
  const store = await openStore();
  await store.append('a', [good(0)]);
  return store;
}

describe.each(badEvents)('an event with %s', (_, bad) => {
  it('throws InvalidEventError alone, last in a batch, or in the second stream of appendMany, writing nothing', async () => {
    const store = await seeded();
    const badEvent = bad as EventInput;
    await expectRejectsUnchanged(store, () => store.append('a', [badEvent]), 'InvalidEventError');

    const error = (await expectRejectsUnchanged(
      store,
      () => store.append('a', [good(1), good(2), badEvent], { expectedVersion: 1 }),
      'InvalidEventError',
    )) as InvalidEventError;
    expect(error.index).toBe(2);
    expect(error.message).toMatch(/^Event 3 of the batch: /);

    await expectRejectsUnchanged(
      store,
      () =>
        store.appendMany([
          { stream: 'first', events: [good(1)], expectedVersion: 'no_stream' },
          { stream: 'second', events: [good(2), badEvent] },
        ]),
      'InvalidEventError',
    );
  });
});

describe('events that are plain JSON', () => {
  const shared = { x: 1 };
  it.each<[string, EventInput]>([
    ['payload null', { type: 'T', payload: null }],
    ['payload 0', { type: 'T', payload: 0 }],
    ['payload an empty string', { type: 'T', payload: '' }],
    ['payload false', { type: 'T', payload: false }],
    ['payload an empty array', { type: 'T', payload: [] }],
    ['payload nested arrays and objects', { type: 'T', payload: { a: [[1, -2.5], { b: [null, true, 'ü🙂'] }] } }],
    ['payload using one object twice (not a cycle)', { type: 'T', payload: { left: shared, right: [shared] } }],
    ['a unicode type', { type: 'Überweisung.erfasst' }],
    [
      'every meta field a caller may set',
      {
        type: 'T',
        meta: { id: 'i', at: '2025-12-31T23:59:59.999Z', causationId: 'c', correlationId: 'r', schema: 3, sample: false },
      },
    ],
  ])('are accepted: %s', async (_, event) => {
    const store = await openStore();
    await store.append('a', [event]);
    const [stored] = await store.readAll();
    expect(stored!.payload).toEqual(event.payload ?? null);
  });
});

describe('stream names', () => {
  it.each([
    ['empty', ''],
    ['a number', 5],
    ['over 200 characters', 's'.repeat(201)],
  ])('that are %s are invalid', async (_, stream) => {
    const store = await seeded();
    await expectRejectsUnchanged(store, () => store.append(stream as string, [good(1)]), 'InvalidEventError');
    await expectRejectsUnchanged(
      store,
      () => store.appendMany([{ stream: 'ok', events: [good(1)] }, { stream: stream as string, events: [good(2)] }]),
      'InvalidEventError',
    );
  });

  it('named twice in one appendMany are invalid', async () => {
    const store = await seeded();
    await expectRejectsUnchanged(
      store,
      () => store.appendMany([{ stream: 'x', events: [good(1)] }, { stream: 'x', events: [good(2)] }]),
      'InvalidEventError',
    );
  });

  it('with events that are not an array are invalid', async () => {
    const store = await seeded();
    await expectRejectsUnchanged(store, () => store.append('a', { type: 'T' } as unknown as EventInput[]), 'InvalidEventError');
  });
});

describe('the 1 MiB limit, counted in UTF-8 bytes of the stored event', () => {
  const utf8 = new TextEncoder();
  // The event as it will be stored (id, at, seq and version each as long as they will be).
  const storedBytes = (text: string) =>
    utf8.encode(JSON.stringify({ type: 'Big', payload: { text }, meta: { id: 'big', at: T0, seq: 2, stream: 'a', version: 2 } }))
      .length;

  /** A text of multi-byte `char`s (ASCII to make up the rest) whose stored event is exactly `bytes` long. */
  function textFor(bytes: number, char: string): string {
    const room = bytes - storedBytes('');
    const width = utf8.encode(char).length;
    const text = char.repeat(Math.floor(room / width)) + 'a'.repeat(room % width);
    expect(storedBytes(text)).toBe(bytes);
    return text;
  }
  const big = (text: string): EventInput => ({ type: 'Big', payload: { text }, meta: { id: 'big' } });

  it.each(['é', '€', '🙂'])('rejects an event 1 byte over the limit made of %s, though it has far fewer characters', async (char) => {
    const store = await seeded();
    const text = textFor(MAX_EVENT_BYTES + 1, char);
    expect(text.length).toBeLessThan(MAX_EVENT_BYTES * 0.6);
    const error = await expectRejectsUnchanged(store, () => store.append('a', [big(text)]), 'InvalidEventError');
    expect(error.message).toContain(String(MAX_EVENT_BYTES));
  });

  it.each(['é', '🙂'])('accepts an event just under the limit made of %s and stores it whole', async (char) => {
    const store = await seeded();
    const text = textFor(MAX_EVENT_BYTES - 100, char);
    await store.append('a', [big(text)]);
    const [, stored] = await store.readAll();
    expect((stored!.payload as { text: string }).text).toBe(text);
  });

  it('rejects a big event last in a batch of small ones, writing nothing', async () => {
    const store = await seeded();
    const text = textFor(MAX_EVENT_BYTES + 1, 'é');
    await expectRejectsUnchanged(store, () => store.append('a', [good(1), good(2), big(text)]), 'InvalidEventError');
  });
});
