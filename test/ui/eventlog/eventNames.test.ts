import { expect, test } from 'vitest';
import { LEDGER_EVENT_TYPES } from '../../../src/domain/index.ts';
import { eventName } from '../../../src/ui/eventlog/eventNames.ts';

test('event types read as words', () => {
  expect(eventName('FundsWithdrawn')).toBe('Funds withdrawn');
  expect(eventName('VerificationMessageQueued')).toBe('Verification message queued');
  expect(eventName('EmailReserved')).toBe('E-mail address reserved');
});

test('every type of the ledger has its own name, and no two share one', () => {
  const names = LEDGER_EVENT_TYPES.map(eventName);
  for (const [i, type] of LEDGER_EVENT_TYPES.entries()) expect(names[i]).not.toBe(type);
  expect(new Set(names).size).toBe(names.length);
});

test('a type the ledger does not know shows as stored', () => {
  expect(eventName('SomethingElse')).toBe('SomethingElse');
});
