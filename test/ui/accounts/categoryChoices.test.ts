import { describe, expect, test } from 'vitest';
import {
  accountAddress,
  categoryFilterOf,
  chosenCategory,
  lineCategory,
  suggestedCategories,
} from '../../../src/ui/accounts/categoryChoices.ts';

describe('lists of categories', () => {
  test('the Category field offers every preset, then the custom ones in use; never Uncategorized, which is the empty field', () => {
    expect(suggestedCategories(['Household', 'Uncategorized', 'Rent', 'Eating out'])).toEqual([
      'Salary',
      'Groceries',
      'Rent',
      'Transport',
      'Leisure',
      'Savings',
      'Other',
      'Eating out',
      'Household',
    ]);
  });

  test("a history line's category: movements only; one recorded without a category is Uncategorized", () => {
    expect(lineCategory({ kind: 'verified' })).toBeUndefined();
    expect(lineCategory({ kind: 'withdrawal' })).toBe('Uncategorized');
    expect(lineCategory({ kind: 'deposit', category: 'Salary' })).toBe('Salary');
  });
});

describe('what the person chose', () => {
  test('an empty or blank field chooses nothing (Uncategorized); a preset typed in other letters is the preset', () => {
    expect(chosenCategory('')).toBeUndefined();
    expect(chosenCategory('   ')).toBeUndefined();
    expect(chosenCategory(' groceries ')).toBe('Groceries');
    expect(chosenCategory('Eating out')).toBe('Eating out');
  });

  test('the filter round-trips through the account’s address, spaces and all', () => {
    const address = accountAddress('1111222233334444', 'Eating out & more');
    expect(address.startsWith('/accounts/1111222233334444?')).toBe(true);
    expect(categoryFilterOf(address.slice(address.indexOf('?') + 1))).toBe('Eating out & more');
    expect(accountAddress('1111222233334444', undefined)).toBe('/accounts/1111222233334444');
    expect(categoryFilterOf('')).toBeUndefined();
    expect(categoryFilterOf('category=')).toBeUndefined();
    expect(categoryFilterOf('category=rent')).toBe('Rent');
  });
});
