import { DamagedEventError, type EventStore, type StoredEvent } from '../eventstore/index.ts';
import { ReplayAbortedError, ReplayError, stoppedAtDamage } from './errors.ts';
import { foldInto, initialCursors, statesOf, type Cursors } from './fold.ts';
import type { AnyProjection, StatesOf } from './projection.ts';
import { startingCursors, type SnapshotIgnored } from './snapshots.ts';

const READS_AHEAD = 2;
/**
 * Events read, then folded, at once. Folding works on private drafts of the
 * persistent maps, copied once per node per fold, so bigger folds copy less;
 * smaller ones hold fewer events in memory (three batches are alive at a time).
 * docs/performance.md has the measurements behind the size.
 */
export const REPLAY_BATCH = 10_000;

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
  batchSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
  onSnapshotIgnored?: SnapshotIgnored;
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
 * before it, then the events after that, read in batches. Seqs must follow each
 * other with no gap; a missing or damaged record stops the replay with a
 * ReplayError naming the seq, rather than showing a state no history produced.
 * The next two batches are being read (IndexedDB works in another process) while
 * this one is folded.
 */
export async function replay(
  store: EventStore,
  projections: readonly AnyProjection[],
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const startAt = async (maxSeq: number) =>
    options.useSnapshots === false ? initialCursors(projections) : startingCursors(store, projections, maxSeq, options.onSnapshotIgnored);
  // The snapshots are looked up beside the log's end, not after it: one round trip less before a boot's first fold.
  const [last, newest] = await Promise.all([store.lastSeq(), startAt(options.toSeq ?? Number.MAX_SAFE_INTEGER)]);
  const toSeq = Math.min(options.toSeq ?? last, last);
  // A snapshot past the log's end (a log cut short under it) is no starting point: look again below the end.
  const cursors = Object.values(newest).some((c) => c.seq > toSeq) ? await startAt(toSeq) : newest;
  const from = Math.min(toSeq, ...Object.values(cursors).map((c) => c.seq));
  const total = toSeq - from;
  const batchSize = options.batchSize ?? REPLAY_BATCH;
  const read = (fromSeq: number) => store.readAll({ fromSeq, toSeq, limit: batchSize });
  options.onProgress?.({ done: 0, total });

  // Two reads ahead: a batch of events is read (in IndexedDB's process) while the one before is folded, and the
  // second absorbs reads that take longer than a fold.
  let next = from + 1;
  let requested = next;
  const ahead: Promise<StoredEvent[]>[] = [];
  const readAhead = () => {
    while (ahead.length < READS_AHEAD && requested <= toSeq) {
      ahead.push(read(requested));
      requested += batchSize;
    }
  };
  readAhead();
  try {
    while (ahead.length > 0) {
      if (options.signal?.aborted) throw new ReplayAbortedError();
      const batch = await ahead.shift()!.catch(stopAtDamage);
      checkBatch(batch, next);
      next += batch.length;
      readAhead();
      foldInto(projections, cursors, batch);
      options.onProgress?.({ done: next - 1 - from, total });
    }
  } finally {
    // A replay that stops early leaves its read-ahead unwanted: nobody waits for it.
    for (const reading of ahead) reading.catch(() => {});
  }
  return { seq: Math.max(toSeq, 0), fromSeq: from, states: statesOf(cursors), cursors };
}

function stopAtDamage(error: unknown): never {
  throw error instanceof DamagedEventError ? stoppedAtDamage(error) : error;
}

/** Each event of a batch must be the next seq: a gap or a damaged record names the first seq it misses. */
export function checkBatch(batch: readonly StoredEvent[], first: number): void {
  batch.forEach((event, i) => {
    if (event?.meta?.seq !== first + i) throw new ReplayError(`Event ${first + i} is missing or damaged in the log.`, first + i);
  });
  if (batch.length === 0) throw new ReplayError(`Event ${first} is missing from the log.`, first);
}
