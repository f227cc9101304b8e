import { eventInputProblem, InvalidEventError, type EventInput, type EventStore, type StoredEvent } from '../eventstore/index.ts';
import { eventAt } from './branchEvents.ts';
import { applyEvent, foldInto, statesOf, type Cursors } from './fold.ts';
import type { AnyProjection, StatesOf } from './projection.ts';
import { ReplayAbortedError } from './errors.ts';
import { HYPOTHETICAL_ID_PREFIX } from './hypothetical.ts';
import { replay, type ReplayProgress } from './replay.ts';

/** A hypothetical event to play right after the real event `afterSeq`. */
export interface Injection {
  afterSeq: number;
  stream: string;
  event: EventInput;
}

export interface WhatIfChanges {
  /** Seqs of real events to leave out of the branch. */
  skip?: readonly number[];
  inject?: readonly Injection[];
}

export interface WhatIfResult {
  /** The branch's states after its last event. */
  states: StatesOf;
  /** The first real seq the branch replayed; before it, the branch is the real history. */
  fromSeq: number;
  /** The real log's last seq the branch was replayed to. */
  toSeq: number;
  /** Real seqs from `fromSeq` to `toSeq` the branch leaves out, ascending. */
  skipped: number[];
  /** The injected events as the branch plays them, each with the seq of the real event it follows. */
  injected: StoredEvent[];
  /** How many events the branch plays from `fromSeq` on (real ones kept, and injected ones); read them with branchEvents. */
  eventCount: number;
  /** How the states were reached: only the touched partitions re-folded, or every event after the branch point replayed. */
  method: 'partitioned' | 'replayed';
}

/** What a shortcut gets: the branch's changes, already checked and materialised. */
export interface ShortcutInput {
  store: EventStore;
  projections: readonly AnyProjection[];
  fromSeq: number;
  toSeq: number;
  /** The real events the branch leaves out, in seq order. */
  skipped: StoredEvent[];
  injected: StoredEvent[];
}

/**
 * Computes a branch's states from the real present without replaying the events
 * after the branch point. It reads what it needs from the log (while the real
 * states at `toSeq` are being fetched), then resolves to the step that turns
 * those states into the branch's; either may give undefined when it cannot be
 * done exactly, and the branch is then replayed. It must give the very states
 * the replay gives.
 */
export type WhatIfShortcut = (input: ShortcutInput) => Promise<((live: StatesOf) => StatesOf | undefined) | undefined>;

export interface WhatIfOptions {
  toSeq?: number;
  batchSize?: number;
  /** Tried first; needs the real states at `toSeq` (`live`, or rebuilt from the newest keyframes). */
  shortcut?: WhatIfShortcut;
  /** The real states the caller already holds (the memory image); used when they include exactly the events up to `toSeq`. */
  live?: { seq: number; states: StatesOf };
  onProgress?: (progress: ReplayProgress) => void;
  /** Stops a replay between batches (ReplayAbortedError): the caller no longer wants the branch. */
  signal?: AbortSignal;
}

/**
 * An injected event takes the seq of the real event it follows, and its time
 * unless it has its own; its id marks it as hypothetical.
 */
function materialise(injection: Injection, index: number, after: StoredEvent | undefined): StoredEvent {
  const { event, stream, afterSeq } = injection;
  return {
    type: event.type,
    payload: event.payload ?? null,
    meta: {
      ...event.meta,
      id: event.meta?.id ?? `${HYPOTHETICAL_ID_PREFIX}${index + 1}`,
      seq: afterSeq,
      stream,
      version: 0,
      at: event.meta?.at ?? after?.meta.at ?? new Date(0).toISOString(),
    },
  };
}

function validate(fromSeq: number, changes: WhatIfChanges): void {
  if (!Number.isSafeInteger(fromSeq) || fromSeq < 1) throw new RangeError('A branch starts at a seq of 1 or more.');
  for (const seq of changes.skip ?? [])
    if (!Number.isSafeInteger(seq) || seq < fromSeq)
      throw new RangeError(`Event ${String(seq)} cannot be skipped: the branch starts at event ${fromSeq}.`);
  (changes.inject ?? []).forEach((injection, index) => {
    if (!Number.isSafeInteger(injection.afterSeq) || injection.afterSeq < fromSeq - 1)
      throw new RangeError(`An injected event must come after event ${fromSeq - 1}, where the branch starts.`);
    if (typeof injection.stream !== 'string' || injection.stream.length === 0)
      throw new InvalidEventError('an injected event needs a stream', index);
    const problem = eventInputProblem(injection.event);
    if (problem) throw new InvalidEventError(problem, index);
  });
}

/** The injections in play order, materialised: each reads the real event it follows for its time. */
async function materialiseAll(store: EventStore, inject: readonly Injection[], toSeq: number): Promise<StoredEvent[]> {
  const ordered = inject
    .map((injection, index) => ({ injection, index }))
    .sort((a, b) => a.injection.afterSeq - b.injection.afterSeq || a.index - b.index);
  const seqs = [...new Set(ordered.map(({ injection }) => Math.min(injection.afterSeq, toSeq)))];
  const afters = new Map(await Promise.all(seqs.map(async (seq) => [seq, await eventAt(store, seq)] as const)));
  return ordered.map(({ injection, index }) => materialise(injection, index, afters.get(Math.min(injection.afterSeq, toSeq))));
}

/** Folds the branch from the real state before `fromSeq`: the real events minus the skipped ones, injections after theirs. */
async function replayBranch(
  store: EventStore,
  projections: readonly AnyProjection[],
  fromSeq: number,
  toSeq: number,
  skip: ReadonlySet<number>,
  injected: readonly StoredEvent[],
  options: WhatIfOptions,
): Promise<StatesOf> {
  const base = await replay(store, projections, { toSeq: fromSeq - 1, signal: options.signal });
  const cursors: Cursors = base.cursors;
  const total = Math.max(0, toSeq - fromSeq + 1);
  let next = 0;
  const injectUpTo = (seq: number) => {
    while (next < injected.length && injected[next]!.meta.seq <= seq) applyEvent(projections, cursors, injected[next++]!);
  };
  options.onProgress?.({ done: 0, total });
  injectUpTo(fromSeq - 1);
  for (let from = fromSeq; from <= toSeq; ) {
    if (options.signal?.aborted) throw new ReplayAbortedError();
    const batch = await store.readAll({ fromSeq: from, toSeq, limit: options.batchSize ?? 5000 });
    if (batch.length === 0) break;
    // Runs of kept real events fold a batch at a time; a skip or an injection ends a run.
    let run: StoredEvent[] = [];
    for (const event of batch) {
      if (skip.has(event.meta.seq)) {
        foldInto(projections, cursors, run);
        run = [];
      } else run.push(event);
      if (next < injected.length && injected[next]!.meta.seq <= event.meta.seq) {
        foldInto(projections, cursors, run);
        run = [];
        injectUpTo(event.meta.seq);
      }
    }
    foldInto(projections, cursors, run);
    from = batch[batch.length - 1]!.meta.seq + 1;
    options.onProgress?.({ done: from - fromSeq, total });
  }
  injectUpTo(Number.MAX_SAFE_INTEGER);
  return statesOf(cursors);
}

/** A branch's changes as it plays them, before any state is computed: see prepareBranch. */
export type PreparedBranch = Omit<WhatIfResult, 'states' | 'method'>;

/**
 * Checks a branch's changes and materialises them against the log: where it
 * ends, the skips that fall in it, and the injections in play order with their
 * seqs and times. Computing its states (branchStates) reads nothing of this again.
 */
export async function prepareBranch(store: EventStore, fromSeq: number, changes: WhatIfChanges, toSeq?: number): Promise<PreparedBranch> {
  validate(fromSeq, changes);
  const last = await store.lastSeq();
  const end = Math.max(fromSeq - 1, Math.min(toSeq ?? last, last));
  const skipped = [...new Set(changes.skip ?? [])].filter((seq) => seq <= end).sort((a, b) => a - b);
  const injected = await materialiseAll(store, changes.inject ?? [], end);
  return { fromSeq, toSeq: end, skipped, injected, eventCount: end - fromSeq + 1 - skipped.length + injected.length };
}

/**
 * A prepared branch's states: the real state just before `fromSeq`, then the
 * real events from `fromSeq` to `toSeq` minus the skipped ones, with injected
 * events played after the event they name. Later real events are folded as
 * they are; whether they still keep a domain's rules is for the caller to
 * judge. With a shortcut, only what the changes touch is recomputed from the
 * real present; whatever the shortcut cannot do exactly is replayed.
 */
export async function branchStates(
  store: EventStore,
  projections: readonly AnyProjection[],
  branch: PreparedBranch,
  options: Omit<WhatIfOptions, 'toSeq'> = {},
): Promise<WhatIfResult> {
  const { fromSeq, toSeq, skipped, injected } = branch;
  if (options.shortcut) {
    const skippedEvents = await Promise.all(skipped.map((seq) => eventAt(store, seq)));
    if (skippedEvents.every((e) => e !== undefined)) {
      const [live, finish] = await Promise.all([
        options.live?.seq === toSeq ? options.live.states : replay(store, projections, { toSeq, signal: options.signal }).then((r) => r.states),
        options.shortcut({ store, projections, fromSeq, toSeq, skipped: skippedEvents, injected }),
      ]);
      const states = finish?.(live);
      if (states) return { ...branch, states, method: 'partitioned' };
    }
  }
  const states = await replayBranch(store, projections, fromSeq, toSeq, new Set(skipped), injected, options);
  return { ...branch, states, method: 'replayed' };
}

/** An alternative history, computed without writing to the log: prepareBranch, then branchStates. */
export async function whatIf(
  store: EventStore,
  projections: readonly AnyProjection[],
  fromSeq: number,
  changes: WhatIfChanges,
  options: WhatIfOptions = {},
): Promise<WhatIfResult> {
  return branchStates(store, projections, await prepareBranch(store, fromSeq, changes, options.toSeq), options);
}
