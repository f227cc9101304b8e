import { describe, expect, test } from 'vitest';
import { historyCountText } from '../../../src/ui/accounts/historyLabel.ts';
import { newerVersionNote } from '../../../src/ui/accounts/newerVersion.ts';

describe('the history’s count', () => {
  test('all lines', () => {
    expect(historyCountText({ count: 0, loading: true, more: false })).toBe('Reading the history…');
    expect(historyCountText({ count: 20, loading: false, more: true })).toBe('Showing the newest 20 entries');
    expect(historyCountText({ count: 1, loading: false, more: false })).toBe('1 entry in all');
  });

  test('narrowed to a category, it names the category, and says when none are left', () => {
    expect(historyCountText({ count: 20, loading: false, more: true, category: 'Rent' })).toBe('Showing the newest 20 entries in Rent');
    expect(historyCountText({ count: 3, loading: false, more: false, category: 'Eating out' })).toBe('3 entries in Eating out');
    expect(historyCountText({ count: 0, loading: false, more: false, category: 'Gifts' })).toBe('No entries in Gifts.');
    expect(historyCountText({ count: 0, loading: true, more: false, category: 'Gifts' })).toBe('Reading the history…');
  });
});

describe('an account a newer Rewind changed', () => {
  test('says how many changes, what that means here, and what to do', () => {
    expect(newerVersionNote(1, 'en-US')).toBe(
      'This account has 1 change recorded by a newer version of Rewind. Its balance may be out of date here, and it cannot be changed until you update Rewind.',
    );
    expect(newerVersionNote(1234, 'de-DE')).toMatch(/^This account has 1\.234 changes recorded by a newer version of Rewind\./);
  });
});
