import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import type { EventInput, EventStore, JsonValue } from '../../src/eventstore/index.ts';
import { closeStores, logState, openStore } from '../eventstore/helpers.ts';

/**
 * Random malformed events and batches through the store's append and
 * appendMany: each is refused with a named error and a sentence, and the log
 * (events, seqs, streams) is exactly as before.
 */

afterEach(closeStores);

class Money {
  constructor(readonly cents: number) {}
}

/** Values JSON cannot carry, or would silently change. */
const notJson = fc.oneof(
  fc.constantFrom<unknown>(undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, () => 1, Symbol('s'), 10n),
  fc.date().map((d) => d as unknown),
  fc.constant(new Map([['a', 1]]) as unknown),
  fc.constant(new Set([1]) as unknown),
  fc.constant(new Money(5) as unknown),
  fc.constant(new Uint8Array([1, 2]) as unknown),
);

/** A JSON payload with something non-JSON hidden somewhere inside it (or a cycle). */
const badPayload: fc.Arbitrary<unknown> = fc.oneof(
  notJson,
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), notJson, fc.string({ maxLength: 6 })).map(([json, poison, key]) => ({ wrap: json, deeper: { [key || 'k']: [1, poison] } })),
  fc.constant(null).map(() => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    return cycle;
  }),
);

const badMeta = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['id', 'at', 'causationId', 'correlationId', 'schema', 'sample'].includes(k) && k !== '__proto__').map((k) => ({ [k]: 1 })),
  fc.constantFrom<unknown>(
    { seq: 7 },
    { stream: 'elsewhere' },
    { version: 1 },
    { id: '' },
    { id: 'x'.repeat(201) },
    { id: 42 },
    { at: 'yesterday' },
    { at: '2026-02-30T00:00:00.000Z' },
    { at: '2026-01-01T00:00:00Z' },
    { schema: 0 },
    { schema: 1.5 },
    { schema: '2' },
    { sample: 'yes' },
    { causationId: '' },
    { correlationId: 5 },
    'meta',
    [],
  ),
);

const badEvent = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 2 }), fc.constant(new Money(1))),
  fc.record({ type: fc.oneof(fc.constantFrom<unknown>('', '   ', null, 5, {}, ['T']), fc.string().filter((s) => s.trim() === '')) }),
  fc.record({ type: fc.constant('T'), payload: badPayload }),
  fc.record({ type: fc.constant('T'), meta: badMeta }),
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['type', 'payload', 'meta', '__proto__'].includes(k)).map((k) => ({ type: 'T', [k]: 1 })),
  fc.constant({ type: 'T', payload: 'x'.repeat(1024 * 1024) }),
);

const goodEvent = fc.record({ type: fc.constantFrom('A', 'B'), payload: fc.jsonValue({ maxDepth: 2 }) }).map((e) => e as EventInput);

/** A call to the store that must be refused, and the error it must be refused with. */
type Attempt = { call: (store: EventStore) => Promise<unknown>; error: string; what: string };

function attempts(): fc.Arbitrary<Attempt> {
  const invalid = (what: string, call: Attempt['call']): Attempt => ({ call, error: 'InvalidEventError', what });
  // A batch of good events with one bad one somewhere in it: none of it may land.
  const mixedBatch = fc.tuple(fc.array(goodEvent, { maxLength: 4 }), badEvent, fc.nat()).map(([good, bad, at]) => {
    const events = [...good];
    events.splice(at % (good.length + 1), 0, bad as never);
    return events;
  });
  return fc.oneof(
    mixedBatch.map((events) => invalid(`append of ${events.length}`, (s) => s.append('a', events as never))),
    fc
      .tuple(mixedBatch, fc.array(goodEvent, { minLength: 1, maxLength: 3 }))
      .map(([events, other]) => invalid('appendMany with one bad stream', (s) => s.appendMany([{ stream: 'fresh', events: other }, { stream: 'a', events: events as never }]))),
    fc.oneof(fc.constantFrom<unknown>('', null, 5, 'x'.repeat(201)), fc.object({ maxDepth: 0 })).map((stream) => invalid('a bad stream name', (s) => s.append(stream as string, [{ type: 'T' }]))),
    fc.oneof(fc.constantFrom<unknown>(-1, 1.5, Number.NaN, 'latest', null, '1'), fc.integer({ max: -1 })).map((expectedVersion) =>
      invalid('a bad expectedVersion', (s) => s.append('a', [{ type: 'T' }], { expectedVersion: expectedVersion as never })),
    ),
    fc.constantFrom<unknown>(null, 'batches', { stream: 'a', events: [] }, [null], [{ stream: 'a' }], [{ events: [] }]).map((batches) =>
      invalid('appendMany of something else', (s) => s.appendMany(batches as never)),
    ),
    fc.constant(invalid('one stream twice', (s) => s.appendMany([{ stream: 'b', events: [{ type: 'T' }] }, { stream: 'b', events: [{ type: 'T' }] }]))),
    fc.constant(invalid('one id twice', (s) => s.append('b', [{ type: 'T', meta: { id: 'same' } }, { type: 'U', meta: { id: 'same' } }]))),
    // Not malformed, but refused all the same: a stale expected version, and a stored id with other content.
    fc.nat({ max: 10 }).filter((v) => v !== 2).map((v): Attempt => ({ call: (s) => s.append('a', [{ type: 'T' }], { expectedVersion: v }), error: 'WrongExpectedVersionError', what: `expectedVersion ${v}` })),
    fc.jsonValue({ maxDepth: 1 }).filter((p) => JSON.stringify(p) !== '{"n":1}').map((payload): Attempt => ({
      call: (s) => s.append('a', [{ type: 'A', payload: payload as JsonValue, meta: { id: 'known' } }]),
      error: 'DuplicateEventError',
      what: 'a known id with other content',
    })),
  );
}

test('every malformed event or batch is refused with a named error and a sentence, and the log stays exactly as it was', async () => {
  const store = await openStore();
  await store.append('a', [{ type: 'A', payload: { n: 1 }, meta: { id: 'known' } }, { type: 'B' }]);
  const before = await logState(store);
  await fc.assert(
    fc.asyncProperty(attempts(), async ({ call, error, what }) => {
      const thrown = await call(store).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(thrown, `accepted: ${what}`).toBeInstanceOf(Error);
      expect(thrown!.name, `${what}: ${thrown!.message}`).toBe(error);
      expect(thrown!.message.length).toBeGreaterThan(20);
      expect(await logState(store)).toEqual(before);
    }),
    { numRuns: 300 },
  );
});
