import { expect, test } from 'vitest';
import { CATEGORIES, UNCATEGORIZED, canonicalCategory, orderCategories } from '../../../src/domain/index.ts';

test('every list of categories reads alike: presets in their own order, then custom ones by name, Uncategorized last, each once', () => {
  expect(orderCategories(['Uncategorized', 'utilities', 'Rent', 'Eating out', 'Salary', 'Rent', 'Gifts'])).toEqual([
    'Salary',
    'Rent',
    'Eating out',
    'Gifts',
    'utilities',
    'Uncategorized',
  ]);
  expect(orderCategories([' groceries ', 'Groceries', '', '  ', 'Utilities', 'utilities'])).toEqual(['Groceries', 'Utilities', 'utilities']);
  expect(orderCategories([...CATEGORIES].reverse())).toEqual([...CATEGORIES]);
});

test('a preset typed in other letter case is the preset; anything else stays as typed', () => {
  expect(canonicalCategory('GROCERIES')).toBe('Groceries');
  expect(canonicalCategory('uncategorized')).toBe(UNCATEGORIZED);
  expect(canonicalCategory('Groceries & more')).toBe('Groceries & more');
});
