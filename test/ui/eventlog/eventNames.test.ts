import { describe, expect, test } from 'vitest';
import { LEDGER_EVENT_TYPES } from '../../../src/domain/index.ts';
import { NEWER_VERSION_NAME, eventName, eventTitle, rawType } from '../../../src/ui/eventlog/eventNames.ts';

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

describe('an event a newer version of Rewind recorded', () => {
  const meta = (schema?: number) => ({ id: 'e', seq: 1, stream: 'account-1', version: 1, at: '', ...(schema && { schema }) });

  test('is called what it is, with its type as stored, never by a name this version would read it by', () => {
    expect(eventTitle({ type: 'AccountFrozen', meta: meta() })).toBe(`${NEWER_VERSION_NAME} (AccountFrozen)`);
    // A type this version knows, in a schema it does not: the schema says why it is not read.
    expect(eventTitle({ type: 'FundsAdded', meta: meta(3) })).toBe(`${NEWER_VERSION_NAME} (FundsAdded, schema 3)`);
  });

  test('while the events this version reads keep their names, old schemas included', () => {
    expect(eventTitle({ type: 'FundsAdded', meta: meta() })).toBe('Funds added');
    expect(eventTitle({ type: 'FundsAdded', meta: meta(2) })).toBe('Funds added');
    expect(rawType({ type: 'BudgetSet', meta: meta() })).toBe('BudgetSet');
  });
});
