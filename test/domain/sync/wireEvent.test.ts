import { describe, expect, test } from 'vitest';
import { wireEnvelopeProblem, wireEventProblem } from '../../../src/domain/sync/wireEvent.ts';

// Both ends of sync check an event on the wire with these: the server on a push, a device on a pull.

const deposit = {
  type: 'FundsAdded',
  payload: { accountNumber: '1111222233334444', amount: 500, category: 'Uncategorized' },
  meta: { id: 'e7', stream: 'account-1111222233334444', version: 3, at: '2026-01-01T00:00:00.000Z', schema: 2 },
};

describe('an event on the wire', () => {
  test('a stored event without its seq passes', () => {
    expect(wireEventProblem(deposit, 'events[0]')).toBeUndefined();
    expect(wireEnvelopeProblem(deposit, 'events[0]')).toBeUndefined();
  });

  test('each broken field is named with the path it was found at', () => {
    const broken: [unknown, string][] = [
      [null, 'event must be an event object'],
      [{ ...deposit, extra: 1 }, 'event.extra is not an event field'],
      [{ ...deposit, type: ' ' }, 'event.type must be a non-empty string'],
      [{ type: 'Note', meta: deposit.meta }, 'event.payload is missing'],
      [{ ...deposit, meta: { ...deposit.meta, seq: 7 } }, 'event.meta.seq is not a meta field'],
      [{ ...deposit, meta: { ...deposit.meta, id: '' } }, 'event.meta.id must be a non-empty string'],
      [{ ...deposit, meta: { ...deposit.meta, version: 'three' } }, 'event.meta.version must be a whole number'],
      [{ ...deposit, meta: { ...deposit.meta, at: '2026-02-30T00:00:00.000Z' } }, 'event.meta.at must be an ISO-8601 UTC time'],
      [{ ...deposit, meta: { ...deposit.meta, sample: 'yes' } }, 'event.meta.sample must be true or false'],
    ];
    for (const [value, reason] of broken) {
      expect(wireEventProblem(value, 'event')).toContain(reason);
      expect(wireEnvelopeProblem(value, 'event')).toContain(reason);
    }
  });

  test('the payload is checked by the whole check only; the envelope check leaves it to the ledger\'s rules', () => {
    const negative = { ...deposit, payload: { ...deposit.payload, amount: -5 } };
    expect(wireEventProblem(negative, 'events[2]')).toMatch(/^events\[2\]\.payload: /);
    expect(wireEnvelopeProblem(negative, 'events[2]')).toBeUndefined();
  });
});
