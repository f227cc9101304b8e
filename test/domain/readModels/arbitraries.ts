import fc from 'fast-check';
import type { StoredEvent } from '../../../src/eventstore/index.ts';

/**
 * Random logs for the read models, written directly rather than decided, so
 * they also hold what the decider would refuse but an imported log may carry:
 * events for unknown accounts, second openings and closings, messages sent
 * twice or never queued, event types no read model knows, fractional amounts
 * (sums must come out bit for bit the same however a batch is split).
 */
const NUMBERS = ['4000000000000001', '4000000000000002', '4000000000000003', '4000000000000004', '4000000000000005'];
const number = fc.constantFrom(...NUMBERS);
const messageId = fc.constantFrom('m1', 'm2', 'm3');
// Whole cents above zero, as the rules allow: a stored amount that is not one stops a fold as a damaged event.
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2 ** 52) },
);
// Around a new year, so one batch can cross days, months and years.
const at = fc.integer({ min: Date.UTC(2024, 10, 28), max: Date.UTC(2025, 1, 3) }).map((t) => new Date(t).toISOString());

const body = fc.oneof(
  fc.record({ type: fc.constant('AccountOpened'), n: number, payload: fc.record({ owner: fc.constantFrom('Ada', 'Bob'), email: fc.constantFrom('a@x.org', 'b@x.org') }) }),
  fc.record({ type: fc.constantFrom('FundsAdded', 'FundsWithdrawn'), n: number, payload: fc.record({ amount }) }),
  // Categories arrive in any order, so a new one often sorts before those already seen.
  fc.record({ type: fc.constant('FundsWithdrawn'), n: number, payload: fc.record({ amount, category: fc.constantFrom('Rent', 'Groceries', 'Zoo tickets', 'Ärzte', 'Uncategorized') }) }),
  fc.record({ type: fc.constant('TransferSent'), n: number, payload: fc.record({ amount, to: number, transferId: fc.constant('t') }) }),
  fc.record({ type: fc.constant('TransferReceived'), n: number, payload: fc.record({ amount, from: number, transferId: fc.constant('t') }) }),
  fc.record({ type: fc.constantFrom('AccountVerified', 'AccountClosed'), n: number, payload: fc.constant({}) }),
  fc.record({
    type: fc.constant('VerificationMessageQueued'),
    n: number,
    payload: fc.record({ messageId, code: fc.constantFrom('123456', '654321'), link: fc.constant('#/verify') }),
  }),
  fc.record({ type: fc.constant('WithdrawalMessageQueued'), n: number, payload: fc.record({ messageId, amount }) }),
  fc.record({ type: fc.constant('MessageSent'), n: number, payload: fc.record({ messageId }) }),
  fc.record({ type: fc.constantFrom('EmailReserved', 'SomethingElse'), n: number, payload: fc.constant({ email: 'a@x.org' }) }),
);

const MESSAGE_TEXT = { to: 'a@x.org', recipient: 'Ada', subject: 'Hello', body: 'Text' };

/** A log of up to `maxLength` events, seqs 1, 2, 3, … */
export function ledgerLog(maxLength = 150): fc.Arbitrary<StoredEvent[]> {
  return fc.array(fc.tuple(body, at, fc.nat({ max: 40 })), { maxLength }).map((drafts) =>
    drafts.map(([{ type, n, payload }, time, version], i): StoredEvent => {
      const message = type.endsWith('MessageQueued') ? MESSAGE_TEXT : {};
      return {
        type,
        payload: { accountNumber: n, ...message, ...payload },
        meta: { id: `e${i + 1}`, seq: i + 1, stream: `account-${n}`, version, at: time },
      };
    }),
  );
}

/** Cuts `events` into consecutive batches of the given sizes (0 = an empty batch), the rest in one last batch. */
export function batchesOf<T>(events: readonly T[], sizes: readonly number[]): T[][] {
  const batches: T[][] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= events.length) break;
    batches.push(events.slice(start, start + size));
    start += size;
  }
  if (start < events.length) batches.push(events.slice(start));
  return batches;
}

export const batchSizes = fc.array(fc.nat({ max: 40 }), { maxLength: 12 });

/** Freezes `value` and everything it reaches, so any write to it throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
