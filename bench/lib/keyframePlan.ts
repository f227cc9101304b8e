import { pruneKeyframes } from '../../src/eventstore/sideTables/keyframes.ts';

/**
 * The snapshot seqs a profile holds after growing to `last` events by use: the
 * memory image saves a snapshot every `every` events and the store prunes them
 * to `keep` keyframes after each save (src/eventstore/keyframes.ts). The seeded
 * profile gets exactly these keyframes, so time travel meets the spacing a real
 * one would.
 */
export function keyframePlan(last: number, every: number, keep: number): number[] {
  let kept: number[] = [];
  for (let seq = every; seq <= last; seq += every) {
    kept.push(seq);
    const drop = new Set(pruneKeyframes(kept, keep));
    kept = kept.filter((s) => !drop.has(s));
  }
  // The memory image also saves at the end of a long replay, so the newest snapshot is the last event.
  if (kept[kept.length - 1] !== last && last > 0) {
    kept.push(last);
    const drop = new Set(pruneKeyframes(kept, keep));
    kept = kept.filter((s) => !drop.has(s));
  }
  return kept;
}
