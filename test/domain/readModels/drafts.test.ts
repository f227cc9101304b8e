import fc from 'fast-check';
import { expect, test } from 'vitest';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from '../../../src/domain/structures/persistentMap.ts';
import { emptyVector, VectorDraft, vectorPush, vectorSet, type PersistentVector } from '../../../src/domain/structures/persistentVector.ts';
import { deepFreeze } from './arbitraries.ts';

// Up to 3,000 keys among 32,768 leaves: many leaves hold more than one key.
const key = fc.oneof(fc.string({ maxLength: 3 }), fc.nat({ max: 3_000 }).map(String));
const writes = fc.array(fc.tuple(key, fc.integer({ min: 0, max: 5 })), { maxLength: 400 });

test('a map draft ends as the same map as the same writes one by one, leaving the map it started from alone', () => {
  fc.assert(
    fc.property(writes, writes, (before, during) => {
      const base = deepFreeze(before.reduce<PersistentMap<number>>((map, [k, v]) => mapSet(map, k, v), emptyMap()));
      const draft = new MapDraft(base);
      let expected = base;
      for (const [k, v] of during) {
        draft.set(k, v);
        expected = mapSet(expected, k, v);
        expect(draft.get(k)).toBe(v);
      }
      const result = draft.done();
      expect(result).toEqual(expected);
      for (const [k] of before) expect(mapGet(result, k)).toBe(mapGet(expected, k));
    }),
    { numRuns: 150 },
  );
});

test('a map draft with nothing changed gives back the map it started from, and refuses writes once done', () => {
  const base = mapSet(emptyMap<number>(), 'a', 1);
  const draft = new MapDraft(base);
  draft.set('a', 1);
  expect(draft.done()).toBe(base);
  expect(() => draft.set('b', 2)).toThrow(/done/);
});

type Op = { push: number } | { set: number; value: number };
const ops = fc.array(fc.oneof({ weight: 4, arbitrary: fc.nat().map((push) => ({ push })) }, fc.record({ set: fc.nat(), value: fc.integer() })), {
  maxLength: 1_200,
});

test('a vector draft ends shaped exactly as the same pushes and sets one by one, across trie levels', () => {
  fc.assert(
    fc.property(fc.nat({ max: 1_300 }), ops, (size, during: Op[]) => {
      let base = emptyVector<number>();
      for (let i = 0; i < size; i++) base = vectorPush(base, i);
      deepFreeze(base);
      const draft = new VectorDraft(base);
      let expected: PersistentVector<number> = base;
      for (const op of during) {
        if ('push' in op) {
          draft.push(op.push);
          expected = vectorPush(expected, op.push);
        } else if (expected.size > 0) {
          const at = op.set % expected.size;
          draft.set(at, op.value);
          expected = vectorSet(expected, at, op.value);
          expect(draft.get(at)).toBe(op.value);
        }
      }
      expect(draft.size).toBe(expected.size);
      expect(draft.done()).toEqual(expected);
    }),
    { numRuns: 80 },
  );
});

test('a vector draft with nothing changed gives back the vector it started from, and refuses writes once done', () => {
  const base = vectorPush(emptyVector<number>(), 1);
  const draft = new VectorDraft(base);
  expect(draft.get(0)).toBe(1);
  expect(draft.get(1)).toBeUndefined();
  expect(() => draft.set(1, 2)).toThrow(RangeError);
  expect(draft.done()).toBe(base);
  expect(() => draft.push(2)).toThrow(/done/);
});
