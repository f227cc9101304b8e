import type { EventStore, StoredEvent } from '../eventstore/index.ts';
import { ReplayError } from './errors.ts';
import { foldInto, type ProjectionCursor } from './fold.ts';
import type { AnyProjection, StatesOf } from './projection.ts';
import { checkBatch, replay, type ReplayOptions, type ReplayResult } from './replay.ts';
import { startingCursors } from './snapshots.ts';

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

/** The states at a seq, as a jump lands on it. */
export interface PastStates {
  /** The states include every event up to this seq. */
  seq: number;
  /** When that event was recorded (undefined at seq 0). */
  at?: string;
  states: StatesOf;
}

/**
 * The states a series of jumps passed through, by projection and version: the
 * keyframes they loaded and decoded, and states folded on the way from them.
 * The next jump (a step back, a slider moved within one keyframe's stretch)
 * starts from the nearest at or before its point, not loading the keyframe
 * nor folding from it again. States are never mutated, so holding one is safe.
 */
export type TravelMemo = Map<string, Readonly<ProjectionCursor>[]>;

/**
 * A jump also keeps its states this many events before its point, so the
 * steps back that follow fold at most this many. Only there: a fold copies
 * what its events touch once per call (applyMany), so each stop costs a copy.
 */
const STEP_BACK_SPAN = 1000;
/** States kept per read model; the oldest kept go first. */
const MAX_WAYPOINTS = 64;

const memoKey = (projection: AnyProjection) => `${projection.name}@${projection.version}`;

/** The state `memo` holds nearest at or before `toSeq`, if it is no further back than `keyframe`. */
function nearestKept(memo: TravelMemo | undefined, projection: AnyProjection, keyframe: number, toSeq: number): ProjectionCursor | undefined {
  let best: Readonly<ProjectionCursor> | undefined;
  for (const kept of memo?.get(memoKey(projection)) ?? []) if (kept.seq >= keyframe && kept.seq <= toSeq && (!best || kept.seq > best.seq)) best = kept;
  // A copy: the fold moves its cursor on in place.
  return best && { ...best };
}

/** Whether `shown` (states at an earlier seq, such as the view on screen) holds `projection`'s, at or before `toSeq`. */
const shownBefore = (shown: PastStates | undefined, projection: AnyProjection, toSeq: number): shown is PastStates =>
  shown !== undefined && shown.seq <= toSeq && projection.name in shown.states;

/** Whether a jump to `toSeq` can start `projection` from a state in memory, `shown` or one `memo` kept, without loading its keyframe. */
export function inMemoryBefore(memo: TravelMemo, projection: AnyProjection, toSeq: number, shown?: PastStates): boolean {
  return shownBefore(shown, projection, toSeq) || (memo.get(memoKey(projection))?.some((kept) => kept.seq <= toSeq) ?? false);
}

function keep(memo: TravelMemo | undefined, projection: AnyProjection, cursor: ProjectionCursor): void {
  if (!memo) return;
  const kept = memo.get(memoKey(projection)) ?? [];
  if (kept.some((k) => k.seq === cursor.seq)) return;
  kept.push({ ...cursor });
  if (kept.length > MAX_WAYPOINTS) kept.shift();
  memo.set(memoKey(projection), kept);
}

/** The projection's state at its keyframe at or before `toSeq`, loaded and decoded (and kept in `memo`). */
async function keyframeCursor(store: EventStore, projection: AnyProjection, toSeq: number, memo?: TravelMemo): Promise<ProjectionCursor> {
  const cursor = (await startingCursors(store, [projection], toSeq))[projection.name]!;
  keep(memo, projection, cursor);
  return cursor;
}

/** Events read at once; a jump reads every batch of its range at the same time. */
const JUMP_BATCH = 5000;
/**
 * Beyond this many events after the keyframe (a log older than its keyframes),
 * a jump replays batch by batch instead of holding them all at once.
 */
const MAX_AHEAD = 50_000;

/**
 * The states at `toSeq` (a seq of the log), for a time-travel jump: each
 * projection starts from its keyframe at or before `toSeq`, or from `shown`
 * (states built at an earlier seq, such as the view on screen) or a state a
 * `memo` kept from an earlier jump, whichever is closest.
 * The keyframes' seqs are found from their keys first, so the events after
 * them are read while the keyframes load and decode, instead of after.
 */
export async function pastStates(
  store: EventStore,
  projections: readonly AnyProjection[],
  toSeq: number,
  shown?: PastStates,
  memo?: TravelMemo,
): Promise<PastStates> {
  const keyframes = await Promise.all(projections.map(async (p) => (await store.snapshotSeq(p.name, p.version, toSeq)) ?? 0));
  const kept = projections.map((p, i) => nearestKept(memo, p, keyframes[i]!, toSeq));
  const fromShown = (i: number) => shownBefore(shown, projections[i]!, toSeq) && shown.seq >= Math.max(keyframes[i]!, kept[i]?.seq ?? 0);
  const starts = projections.map((_, i) => (fromShown(i) ? shown!.seq : (kept[i]?.seq ?? keyframes[i]!)));
  const readFrom = Math.min(toSeq, ...starts);
  if (toSeq - readFrom > MAX_AHEAD) return replayed(store, projections, toSeq);

  // Every batch is asked for at once; IndexedDB reads them while the keyframes load and decode.
  const reads = ranges(readFrom + 1, toSeq).map(([fromSeq, to]) => store.readAll({ fromSeq, toSeq: to }).then((batch) => whole(batch, fromSeq, to)));
  // With nothing to fold, the event at toSeq is still read: its time is part of the view.
  const atRead = reads.length === 0 && toSeq > 0 ? store.readAll({ fromSeq: toSeq, toSeq }) : undefined;
  const starting = projections.map((p, i) => (fromShown(i) ? undefined : (kept[i] ?? keyframeCursor(store, p, toSeq, memo))));
  // Each projection folds as soon as its own starting state is there: small keyframes need not wait for big ones.
  const folds = projections.map(async (projection, i): Promise<ProjectionCursor | undefined> => {
    const cursor = fromShown(i)
      ? { seq: shown!.seq, state: shown!.states[projection.name] }
      : await starting[i]!;
    // A keyframe pruned since its seq was looked up, or unreadable, leaves events unread.
    if (cursor.seq < readFrom) return undefined;
    const cursors = { [projection.name]: cursor };
    for (const reading of reads) {
      const batch = await reading;
      const stop = toSeq - STEP_BACK_SPAN - batch[0]!.meta.seq + 1;
      if (memo && stop > 0 && stop < batch.length) {
        foldInto([projection], cursors, batch.slice(0, stop));
        keep(memo, projection, cursor);
        foldInto([projection], cursors, batch.slice(stop));
      } else foldInto([projection], cursors, batch);
      keep(memo, projection, cursor);
    }
    return cursor;
  });
  // Reads are awaited late or, once a jump has failed, never: their failure is the jump's, not a stray one.
  for (const reading of [...reads, atRead]) reading?.catch(() => {});
  const cursors = await Promise.all(folds);
  if (cursors.includes(undefined)) return replayed(store, projections, toSeq);
  const last = reads.length > 0 ? (await reads[reads.length - 1]!).at(-1) : (await atRead)?.[0];
  return { seq: toSeq, at: last?.meta.at, states: Object.fromEntries(projections.map((p, i) => [p.name, cursors[i]!.state])) };
}

/** The events of from..to, each there and in order: else a ReplayError names the first one missing. */
function whole(batch: StoredEvent[], from: number, to: number): StoredEvent[] {
  checkBatch(batch, from);
  if (batch.length !== to - from + 1) throw new ReplayError(`Event ${from + batch.length} is missing from the log.`, from + batch.length);
  return batch;
}

/** from..to (inclusive) in ranges of JUMP_BATCH seqs; none when from > to. */
function ranges(from: number, to: number): [number, number][] {
  const list: [number, number][] = [];
  for (let start = from; start <= to; start += JUMP_BATCH) list.push([start, Math.min(to, start + JUMP_BATCH - 1)]);
  return list;
}

async function replayed(store: EventStore, projections: readonly AnyProjection[], toSeq: number): Promise<PastStates> {
  const [result, event] = await Promise.all([replay(store, projections, { toSeq }), toSeq > 0 ? store.readAll({ fromSeq: toSeq, toSeq }) : []]);
  return { seq: result.seq, at: event[0]?.meta.at, states: result.states };
}
