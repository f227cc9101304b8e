import fc from 'fast-check';
import { expect, test } from 'vitest';
import { emptyMap, mapGet, mapSet, mapValues } from '../../../src/domain/structures/persistentMap.ts';
import { emptyVector, vectorGet, vectorLast, vectorPush, vectorSet, vectorSlice } from '../../../src/domain/structures/persistentVector.ts';

test('the persistent map behaves like a Map, and older versions never change', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 300 }), (ops) => {
      let map = emptyMap<number>();
      const model = new Map<string, number>();
      const versions: [typeof map, Map<string, number>][] = [];
      for (const [k, v] of ops) {
        map = mapSet(map, k, v);
        model.set(k, v);
        versions.push([map, new Map(model)]);
      }
      for (const [version, expected] of versions) {
        expect(version.size).toBe(expected.size);
        for (const [k, v] of expected) expect(mapGet(version, k)).toBe(v);
        expect(mapValues(version).sort()).toEqual([...expected.values()].sort());
      }
      expect(mapGet(map, 'never-set-key')).toBeUndefined();
    }),
  );
});

test('setting a value that is already there returns the same map', () => {
  const value = { a: 1 };
  const map = mapSet(emptyMap<object>(), 'k', value);
  expect(mapSet(map, 'k', value)).toBe(map);
});

test('the persistent vector behaves like an array across trie levels, and older versions never change', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2_200 }), fc.array(fc.nat(), { maxLength: 20 }), (size, sets) => {
      let v = emptyVector<number>();
      const model: number[] = [];
      for (let i = 0; i < size; i++) {
        v = vectorPush(v, i);
        model.push(i);
      }
      const before = v;
      for (const s of sets) {
        if (model.length === 0) break;
        const at = s % model.length;
        v = vectorSet(v, at, -s);
        model[at] = -s;
      }
      expect(v.size).toBe(model.length);
      expect(vectorSlice(v)).toEqual(model);
      expect(vectorSlice(before)).toEqual(Array.from({ length: size }, (_, i) => i));
      expect(vectorLast(v)).toBe(model[model.length - 1]);
      if (size > 0) expect(vectorGet(v, size - 1)).toBe(model[size - 1]);
      expect(vectorGet(v, size)).toBeUndefined();
      expect(vectorSlice(v, 5, 40)).toEqual(model.slice(5, 40));
    }),
    { numRuns: 60 },
  );
  expect(() => vectorSet(emptyVector<number>(), 0, 1)).toThrow(RangeError);
});
