import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { currentSchema, upcast, upcastAll, UNCATEGORIZED } from '../../../src/domain/index.ts';
import { UPCASTERS } from '../../../src/domain/schema/upcasters.ts';
import { ledgerPayloadProblem } from '../../../src/domain/accounts/payloadChecks.ts';
import { deepFreeze, PAYLOADS_AT } from './schemaOne.ts';

/** Every (type, version) an upcaster lifts from: each version below the type's current one. */
const LIFTS = Object.entries(UPCASTERS).flatMap(([type, steps]) => steps.map((step, i) => ({ type, from: i + 1, step })));

const meta = fc.record({
  id: fc.uuid(),
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  seq: fc.integer({ min: 1, max: 1e9 }),
  stream: fc.constant('account-1234567890123456'),
  version: fc.integer({ min: 1, max: 1e6 }),
  sample: fc.option(fc.boolean(), { nil: undefined }),
});

/** Lifts a payload of `type` at schema `from` through every later upcaster, as `upcast` does. */
const liftFrom = (type: string, from: number, payload: Record<string, unknown>) =>
  UPCASTERS[type as keyof typeof UPCASTERS].slice(from - 1).reduce((p, step) => step(p), payload);

describe('upcasters', () => {
  test('every version below a type\'s current one has payloads to prove its upcaster on', () => {
    for (const { type, from } of LIFTS) expect(PAYLOADS_AT[type]?.[from], `${type} schema ${from}`).toBeDefined();
  });

  test.each(LIFTS.map((l) => [`${l.type} ${l.from}→${l.from + 1}`, l] as const))(
    '%s: pure and total over its input version, and what it gives is valid at the current version',
    (_name, { type, from, step }) => {
      fc.assert(
        fc.property(PAYLOADS_AT[type]![from]!, (payload) => {
          const frozen = deepFreeze(structuredClone(payload));
          // Never throws, never writes into its input (a frozen input would throw on a write).
          const once = step(frozen);
          expect(frozen).toEqual(payload);
          // Equal input, equal output; and the output is a new object, not the input changed.
          expect(step(deepFreeze(structuredClone(payload)))).toEqual(once);
          expect(once).not.toBe(frozen);
          // Lifted the rest of the way, it is a payload the domain writes today.
          expect(ledgerPayloadProblem({ type, payload: liftFrom(type, from + 1, once) })).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    },
  );

  test('categories: a movement recorded before categories is Uncategorized, everything else kept as it was', () => {
    for (const type of ['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived'])
      fc.assert(
        fc.property(PAYLOADS_AT[type]![1]!, (payload) => {
          expect(liftFrom(type, 1, payload)).toEqual({ ...payload, category: UNCATEGORIZED });
        }),
        { numRuns: 50 },
      );
  });

  test('an upcaster given any object whatever never throws and never writes into it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIFTS), fc.object(), ({ step }, payload) => {
        const frozen = deepFreeze(structuredClone(payload));
        expect(() => step(frozen)).not.toThrow();
        expect(frozen).toEqual(payload);
      }),
    );
  });
});

describe('upcast', () => {
  test.each(LIFTS.map((l) => [`${l.type} from ${l.from}`, l] as const))(
    '%s: the event in its current shape, marked with the version it was stored in, the stored event untouched',
    (_name, { type, from }) => {
      fc.assert(
        fc.property(PAYLOADS_AT[type]![from]!, meta, (payload, m) => {
          const stored = deepFreeze({ type, payload, meta: (from === 1 ? m : { ...m, schema: from }) as { schema?: number } });
          const copy = structuredClone(stored);
          const lifted = upcast(stored);
          expect(stored).toEqual(copy);
          expect(lifted.meta).toEqual({ ...m, schema: currentSchema(type), upcastFrom: from });
          expect(ledgerPayloadProblem(lifted)).toBeUndefined();
          expect(upcast(deepFreeze(structuredClone(stored)))).toEqual(lifted);
        }),
        { numRuns: 100 },
      );
    },
  );

  test('an event already current is the very same object: reading a current log lifts nothing', () => {
    for (const type of Object.keys(UPCASTERS)) {
      const schema = currentSchema(type)!;
      const event = deepFreeze({ type, payload: { accountNumber: '1234567890123456' }, meta: schema > 1 ? { schema } : {} });
      expect(upcast(event)).toBe(event);
    }
  });

  test('an event of a newer version, or of a type this app does not know, is the very same object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(UPCASTERS)), fc.integer({ min: 1, max: 50 }), fc.object(), (type, ahead, payload) => {
        const newer = deepFreeze({ type, payload, meta: { schema: currentSchema(type)! + ahead } });
        expect(upcast(newer)).toBe(newer);
      }),
    );
    fc.assert(
      fc.property(fc.string().filter((t) => currentSchema(t) === undefined), fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), (type, schema) => {
        const unknown = deepFreeze({ type, payload: { anything: 1 }, meta: schema === undefined ? {} : { schema } });
        expect(upcast(unknown)).toBe(unknown);
      }),
    );
  });

  test('a damaged old event (payload no object) is left as it is for the checks to name', () => {
    for (const payload of [null, 42, 'text', [1, 2], undefined]) {
      const event = deepFreeze({ type: 'FundsAdded', payload, meta: {} });
      expect(upcast(event)).toBe(event);
    }
  });
});

describe('upcastAll', () => {
  const current = { type: 'FundsAdded', payload: { accountNumber: '1234567890123456', amount: 5, category: 'Rent' }, meta: { schema: 2 } };
  const old = { type: 'FundsAdded', payload: { accountNumber: '1234567890123456', amount: 5 }, meta: {} };
  const opened = { type: 'AccountOpened', payload: { accountNumber: '1234567890123456', owner: 'A', email: 'a@b.c' }, meta: {} };
  const newer = { type: 'FundsAdded', payload: { whatever: true }, meta: { schema: 7 } };

  test('the same array when nothing is lifted', () => {
    const events = deepFreeze([current, opened, newer, { type: 'SomethingNew', payload: {}, meta: {} }]);
    expect(upcastAll(events)).toBe(events);
    const empty = deepFreeze([]);
    expect(upcastAll(empty)).toBe(empty);
  });

  test('a new array when any is lifted, in the same order, every event not lifted the same object, the input untouched', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(current, old, opened, newer), { maxLength: 30 }), (picked) => {
        const events = deepFreeze(picked.map((e) => structuredClone(e)));
        const copy = structuredClone(events);
        const out = upcastAll(events);
        expect(events).toEqual(copy);
        if (!picked.includes(old)) {
          expect(out).toBe(events);
          return;
        }
        expect(out).not.toBe(events);
        expect(out).toHaveLength(events.length);
        out.forEach((event, i) => {
          if (picked[i] === old) expect(event).toEqual({ ...old, payload: { ...old.payload, category: UNCATEGORIZED }, meta: { schema: 2, upcastFrom: 1 } });
          else expect(event).toBe(events[i]);
        });
      }),
    );
  });
});
