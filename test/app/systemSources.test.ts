import { expect, it } from 'vitest';
import { cryptoUuid } from '../../src/app/systemSources.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('event ids are version-4 UUIDs, distinct across the buffer refills that a burst of commands goes through', () => {
  // 256 ids come from one fill of random bytes: 1000 ids cross three refills.
  const ids = Array.from({ length: 1000 }, cryptoUuid);
  expect(ids.filter((id) => !V4.test(id))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
  // Every hex digit outside the fixed version and variant nibbles is drawn: each shows up across 1000 ids.
  const digits = new Set(ids.join('').replaceAll('-', ''));
  expect(digits.size).toBe(16);
});
