import { describe, expect, test } from 'vitest';
import { pruneKeyframes } from '../../src/eventstore/sideTables/keyframes.ts';
import { KEYFRAMES, SnapshotPolicy } from '../../src/replay/index.ts';

describe('the snapshot policy', () => {
  test('is due every N events from where it started, and dirty after any event', () => {
    const policy = new SnapshotPolicy(1000, 500);
    expect([policy.due(1499), policy.due(1500), policy.dirty(500), policy.dirty(501)]).toEqual([false, true, false, true]);
    policy.saved(1500);
    expect(policy.due(2499)).toBe(false);
    expect(() => new SnapshotPolicy(0)).toThrow(RangeError);
  });

  test('keeps keyframes at most 14,000 events apart at a million events, with a snapshot every 1000', () => {
    let kept: number[] = [];
    for (let seq = 1000; seq <= 1_000_000; seq += 1000) {
      kept.push(seq);
      const drop = new Set(pruneKeyframes(kept, KEYFRAMES));
      kept = kept.filter((s) => !drop.has(s));
    }
    const gaps = kept.map((seq, i) => seq - (i === 0 ? 0 : kept[i - 1]!));
    expect(kept).toHaveLength(KEYFRAMES);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(14_000);
    expect(kept[kept.length - 1]).toBe(1_000_000);
  });
});
