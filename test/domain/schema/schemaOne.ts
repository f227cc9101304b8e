import fc from 'fast-check';
import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { MAX_AMOUNT, UNCATEGORIZED } from '../../../src/domain/index.ts';
import { optionalNote } from '../../../src/domain/accounts/fields.ts';

/**
 * Events as Rewind wrote them before each schema change: arbitraries for every
 * payload an older schema version allowed, and the older twin of a current event.
 * `PAYLOADS_AT[type][n]` is the payloads of `type` at schema n; every version below
 * a type's current one must have an entry (the upcaster tests check that).
 */
const accountNumber = fc.stringMatching(/^[1-9]\d{15}$/);
const amount = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: MAX_AMOUNT }));
/** Notes as a person types them: any script, trimmed, up to the limit. */
const note = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '€', '日', 'Ж', '🤔'), minLength: 1, maxLength: 500 }))
  .filter((s) => {
    try {
      return optionalNote(s) === s;
    } catch {
      return false;
    }
  });
const withNote = <T extends Record<string, unknown>>(payload: fc.Arbitrary<T>) =>
  fc.tuple(payload, fc.option(note, { nil: undefined })).map(([p, n]) => (n === undefined ? p : { ...p, note: n }));
const transferId = fc.uuid();

export const PAYLOADS_AT: Record<string, Record<number, fc.Arbitrary<Record<string, unknown>>>> = {
  FundsAdded: { 1: withNote(fc.record({ accountNumber, amount })) },
  FundsWithdrawn: { 1: withNote(fc.record({ accountNumber, amount })) },
  TransferSent: { 1: withNote(fc.record({ accountNumber, transferId, to: accountNumber, amount })) },
  TransferReceived: { 1: withNote(fc.record({ accountNumber, transferId, from: accountNumber, amount })) },
};

/** Deep-freezes a value, so any write into it throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const MOVEMENTS = new Set(['FundsAdded', 'FundsWithdrawn', 'TransferSent', 'TransferReceived']);

/**
 * The event as Rewind 0.1.0 would have stored it: a movement without its
 * category and without `meta.schema` (version 1 is recorded by leaving it out).
 * Other types are as they are: they had no second version.
 */
export function schemaOneTwin(event: StoredEvent): StoredEvent {
  if (!MOVEMENTS.has(event.type)) return event;
  const { category: _category, ...payload } = event.payload as Record<string, unknown>;
  const { schema: _schema, ...meta } = event.meta;
  return { ...event, payload: payload as StoredEvent['payload'], meta };
}

/** The event with its category read as 0.1.0 knew it: every movement uncategorised. */
export function uncategorised(event: StoredEvent): StoredEvent {
  if (!MOVEMENTS.has(event.type)) return event;
  return { ...event, payload: { ...(event.payload as Record<string, unknown>), category: UNCATEGORIZED } as StoredEvent['payload'] };
}

export function isMovement(event: { type: string }): boolean {
  return MOVEMENTS.has(event.type);
}
