import { expect, test } from 'vitest';
import { newerEventsHeld, newerEventsKept } from '../../../src/ui/data/newerEventsText.ts';

const kind = (type: string, count: number, schema?: number) => ({ type, schema, count, name: schema === undefined ? type : `${type} schema ${schema}` });

test('an import that kept a newer version’s events names each kind once, in alphabetical order', () => {
  const newer = { count: 3, newerSchemas: 1, kinds: [kind('AccountFrozen', 1), kind('FundsAdded', 1, 3), kind('BudgetSet', 1)], firstLine: 17 };
  expect(newerEventsKept(newer)).toBe(
    '3 events were recorded by a newer version of Rewind (AccountFrozen, BudgetSet, FundsAdded schema 3). ' +
      'They are kept and exported as they are; update Rewind to see what they did.',
  );
});

test('one event is said in the singular, and none is not said at all', () => {
  expect(newerEventsKept({ count: 1, newerSchemas: 0, kinds: [kind('AccountFrozen', 1)], firstLine: 2 })).toMatch(/^1 event was recorded by a newer version of Rewind \(AccountFrozen\)\./);
  expect(newerEventsKept({ count: 0, newerSchemas: 0, kinds: [] })).toBeUndefined();
  expect(newerEventsHeld(1)).toBe('This log holds 1 event recorded by a newer version of Rewind: it is kept and exported as it is.');
});
