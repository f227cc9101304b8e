import { expect, test } from 'vitest';
import { liftedNote, newerNote, payloadChanges } from '../../../src/ui/eventlog/schemaNotes.ts';

test('an old movement read in today’s shape says what reading it added, and that the log keeps it as stored', () => {
  const changes = payloadChanges({ accountNumber: '1', amount: 2000 }, { accountNumber: '1', amount: 2000, category: 'Uncategorized' });
  expect(changes).toEqual(['category “Uncategorized” was added']);
  expect(liftedNote(1, 2, changes)).toBe(
    'Stored in schema 1, shown in today’s shape (schema 2): category “Uncategorized” was added when reading it. The log keeps it as it was stored, and exports it that way.',
  );
});

test('before the stored event is read, the note still says which schema it is stored in', () => {
  expect(liftedNote(1, 2, [])).toBe('Stored in schema 1, shown in today’s shape (schema 2). The log keeps it as it was stored, and exports it that way.');
});

test('fields a later upcaster renames, changes or drops are named too', () => {
  const changes = payloadChanges({ amount: 5, memo: 'x', kind: 'a' }, { amount: 5, kind: 'b', note: 'x' });
  expect(changes).toEqual(['kind was read as “b”', 'note “x” was added', 'memo was left out']);
  expect(liftedNote(1, 3, changes)).toContain(': kind was read as “b”, note “x” was added and memo was left out when reading it.');
  expect(payloadChanges(null, { a: 1 })).toEqual([]);
});

test('a newer version’s event: kept and exported as it is, not read, and its account read-only', () => {
  expect(newerNote(true)).toBe(
    'This version of Rewind keeps it as it is and exports it as it is, but does not read it, so nothing else on these screens reflects what it did, and its account is read-only here. Update Rewind to see what it did.',
  );
  expect(newerNote(false)).not.toContain('account');
});
