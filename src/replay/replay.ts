import type { EventStore } from '../eventstore/index.ts';
import { ReplayAbortedError, ReplayError } from './errors.ts';
import { foldInto, statesOf, type Cursors } from './fold.ts';
import type { AnyProjection, StatesOf } from './projection.ts';
import { startingCursors } from './snapshots.ts';

export interface ReplayProgress {
  done: number;
  total: number;
}

export interface ReplayOptions {
  /** Replay up to and including this seq; defaults to the newest event. */
  toSeq?: number;
  /** Start from the newest usable snapshots (default) or from the first event. */
  useSnapshots?: boolean;
  /** How many events to read from IndexedDB at once. */
  pageSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
  onSnapshotIgnored?: (name: string, reason: unknown) => void;
  signal?: AbortSignal;
}

export interface ReplayResult {
  /** The state includes every event up to this seq. */
  seq: number;
  /** Where the replay started reading: the oldest snapshot it resumed from, or 0. */
  fromSeq: number;
  states: StatesOf;
  /** Per projection, for resuming incrementally. */
  cursors: Cursors;
}

/**
 * Rebuilds every projection's state as of `toSeq`: the newest snapshot at or
 * before it, then the events after that, read in pages. Seqs must follow each
 * other with no gap; a missing or damaged record stops the replay with a
 * ReplayError naming the seq, rather than showing a state no history produced.
 */
export async function replay(
  store: EventStore,
  projections: readonly AnyProjection[],
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const last = await store.lastSeq();
  const toSeq = Math.min(options.toSeq ?? last, last);
  const cursors =
    options.useSnapshots === false
      ? Object.fromEntries(projections.map((p) => [p.name, { seq: 0, state: p.initial }]))
      : await startingCursors(store, projections, toSeq, options.onSnapshotIgnored);
  const from = Math.min(toSeq, ...Object.values(cursors).map((c) => c.seq));
  const total = toSeq - from;
  const pageSize = options.pageSize ?? 5000;
  options.onProgress?.({ done: 0, total });

  let next = from + 1;
  while (next <= toSeq) {
    if (options.signal?.aborted) throw new ReplayAbortedError();
    const page = await store.readAll({ fromSeq: next, toSeq, limit: pageSize });
    page.forEach((event, i) => {
      if (event?.meta?.seq !== next + i) throw new ReplayError(`Event ${next + i} is missing or damaged in the log.`, next + i);
    });
    if (page.length === 0) throw new ReplayError(`Event ${next} is missing from the log.`, next);
    foldInto(projections, cursors, page);
    next += page.length;
    options.onProgress?.({ done: next - 1 - from, total });
  }
  return { seq: Math.max(toSeq, 0), fromSeq: from, states: statesOf(cursors), cursors };
}
