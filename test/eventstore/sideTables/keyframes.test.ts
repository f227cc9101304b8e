import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pruneKeyframes } from '../../../src/eventstore/sideTables/keyframes.ts';
import { range } from '../helpers.ts';

/** The longest stretch of log (from seq 0) with no keyframe in it. */
const maxGap = (seqs: number[]) => {
  const sorted = [...seqs].sort((a, b) => a - b);
  return Math.max(...sorted.map((seq, i) => seq - (i === 0 ? 0 : sorted[i - 1]!)));
};

const keptAfter = (seqs: number[], keep: number) => {
  const dropped = new Set(pruneKeyframes(seqs, keep));
  return seqs.filter((s) => !dropped.has(s));
};

describe('pruneKeyframes', () => {
  it('drops nothing while there are no more than `keep`', () => {
    expect(pruneKeyframes([], 3)).toEqual([]);
    expect(pruneKeyframes([5, 9, 2], 3)).toEqual([]);
  });

  it('drops down to `keep`, never the newest, and leaves its input alone', () => {
    const seqs = [40, 10, 30, 20, 50];
    expect(pruneKeyframes(seqs, 2)).toHaveLength(3);
    expect(keptAfter(seqs, 2)).toContain(50);
    expect(seqs).toEqual([40, 10, 30, 20, 50]);
  });

  it('keeps at least the newest when asked to keep none', () => {
    expect(keptAfter([1, 2, 3], 0)).toEqual([3]);
    expect(keptAfter([1, 2, 3], -5)).toEqual([3]);
  });

  it('thins evenly spaced snapshots evenly, not just keeping the latest', () => {
    const kept = keptAfter(range(1, 100), 10);
    expect(kept).toHaveLength(10);
    expect(Math.max(...kept)).toBe(100);
    expect(maxGap(kept)).toBeLessThanOrEqual(20);
  });

  it('drops the snapshot whose loss leaves the smallest gap', () => {
    // Losing 210 leaves 200..300 (100) uncovered; losing 200 would leave 100..210 (110).
    expect(pruneKeyframes([100, 200, 210, 300], 3)).toEqual([210]);
    expect(pruneKeyframes([100, 190, 200, 300], 3)).toEqual([190]);
  });

  it('for any history: right count, newest kept, only given seqs dropped, and no stretch over 2·newest/keep that was not already there', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (seqs, keep) => {
        const dropped = pruneKeyframes(seqs, keep);
        const kept = seqs.filter((s) => !dropped.includes(s));
        const newest = Math.max(...seqs);
        expect(new Set(dropped).size).toBe(dropped.length);
        expect(seqs).toEqual(expect.arrayContaining(dropped));
        expect(kept).toHaveLength(Math.min(seqs.length, keep));
        expect(kept).toContain(newest);
        expect(maxGap(kept)).toBeLessThanOrEqual(Math.max(maxGap(seqs), (2 * newest) / keep));
      }),
      { numRuns: 300 },
    );
  });
});
