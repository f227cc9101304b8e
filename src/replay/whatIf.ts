import { eventInputProblem, InvalidEventError, type EventInput, type EventStore, type StoredEvent } from '../eventstore/index.ts';
import { applyEvent, statesOf, type Cursors } from './fold.ts';
import type { AnyProjection, StatesOf } from './projection.ts';
import { replay } from './replay.ts';

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
  /** The branch's events from `fromSeq` on, in play order: real ones kept, and injected ones. */
  events: StoredEvent[];
  /** The first real seq the branch replayed; before it, the branch is the real history. */
  fromSeq: number;
  /** The real log's last seq the branch was replayed to. */
  toSeq: number;
}

export const HYPOTHETICAL_ID_PREFIX = 'what-if:';

/** An injected event takes the seq of the real event it follows; its id marks it as hypothetical. */
function materialise(injection: Injection, index: number, previous: StoredEvent | undefined): StoredEvent {
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
      at: event.meta?.at ?? previous?.meta.at ?? new Date(0).toISOString(),
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

/**
 * Replays an alternative history without writing to the log: the real state
 * just before `fromSeq`, then the real events from `fromSeq` to `toSeq` minus
 * the skipped ones, with injected events played after the event they name.
 */
export async function whatIf(
  store: EventStore,
  projections: readonly AnyProjection[],
  fromSeq: number,
  changes: WhatIfChanges,
  options: { toSeq?: number; pageSize?: number } = {},
): Promise<WhatIfResult> {
  validate(fromSeq, changes);
  const skip = new Set(changes.skip ?? []);
  const injections = [...(changes.inject ?? [])]
    .map((injection, index) => ({ injection, index }))
    .sort((a, b) => a.injection.afterSeq - b.injection.afterSeq || a.index - b.index);
  const base = await replay(store, projections, { toSeq: fromSeq - 1 });
  const cursors: Cursors = base.cursors;
  const toSeq = Math.min(options.toSeq ?? Number.MAX_SAFE_INTEGER, await store.lastSeq());
  const branch: StoredEvent[] = [];
  let previous: StoredEvent | undefined;
  let nextInjection = 0;

  const play = (event: StoredEvent) => {
    applyEvent(projections, cursors, event);
    branch.push(event);
  };
  const injectUpTo = (seq: number) => {
    while (nextInjection < injections.length && injections[nextInjection]!.injection.afterSeq <= seq) {
      const { injection, index } = injections[nextInjection++]!;
      play(materialise(injection, index, previous));
    }
  };

  injectUpTo(fromSeq - 1);
  for (let next = fromSeq; next <= toSeq; ) {
    const page = await store.readAll({ fromSeq: next, toSeq, limit: options.pageSize ?? 5000 });
    if (page.length === 0) break;
    for (const event of page) {
      if (!skip.has(event.meta.seq)) play(event);
      previous = event;
      injectUpTo(event.meta.seq);
    }
    next = page[page.length - 1]!.meta.seq + 1;
  }
  injectUpTo(Number.MAX_SAFE_INTEGER);
  return { states: statesOf(cursors), events: branch, fromSeq, toSeq: Math.max(toSeq, fromSeq - 1) };
}
