import type { EventStore } from '../eventstore/index.ts';
import { replay, type ReplayOptions, type ReplayResult } from './replay.ts';
import type { AnyProjection } from './projection.ts';

/** A point in the log: a seq, or a time (the newest event recorded at or before it). */
export type Position = number | Date;

export async function seqOf(store: EventStore, position: Position): Promise<number> {
  if (typeof position === 'number') return Math.max(0, Math.min(Math.floor(position), await store.lastSeq()));
  if (Number.isNaN(position.getTime())) throw new RangeError('The time to travel to is not a valid date.');
  return store.seqAtTime(position);
}

/**
 * Every projection's state as it was at `position`, built from the nearest
 * keyframe snapshot and the events after it. The live memory image is not touched.
 */
export async function stateAt(
  store: EventStore,
  projections: readonly AnyProjection[],
  position: Position,
  options: Omit<ReplayOptions, 'toSeq'> = {},
): Promise<ReplayResult> {
  return replay(store, projections, { ...options, toSeq: await seqOf(store, position) });
}
