import { expect, test } from 'vitest';
import { isPlainObject } from '../../src/lib/isPlainObject.ts';

test('objects as JSON and literals make them are plain', () => {
  expect(isPlainObject({})).toBe(true);
  expect(isPlainObject({ type: 'Withdraw', amount: 1 })).toBe(true);
  expect(isPlainObject(JSON.parse('{"a":[1]}'))).toBe(true);
  expect(isPlainObject(Object.create(null))).toBe(true);
});

test('null, arrays, primitives and class instances are not', () => {
  for (const value of [null, undefined, [], [1], 'x', 1, true, new Date(0), new Map(), new (class Command {})(), () => ({})])
    expect(isPlainObject(value), String(value)).toBe(false);
});
