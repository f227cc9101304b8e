import { DamagedEventError, type StoredEvent } from '../eventstore/index.ts';
import { ReplayError, stoppedAtDamage } from './errors.ts';
import type { AnyProjection, StatesOf } from './projection.ts';

/** Where each projection stands: its state includes every event up to `seq`. */
export interface ProjectionCursor {
  seq: number;
  state: unknown;
}

export type Cursors = Record<string, ProjectionCursor>;

export function initialCursors(projections: readonly AnyProjection[]): Cursors {
  return Object.fromEntries(projections.map((p) => [p.name, { seq: 0, state: p.initial }]));
}

export function statesOf(cursors: Cursors): StatesOf {
  return Object.fromEntries(Object.entries(cursors).map(([name, c]) => [name, c.state]));
}

const isWhole = (event: StoredEvent | undefined): boolean => typeof event?.type === 'string' && typeof event?.meta?.seq === 'number';

function damaged(event: StoredEvent | undefined): ReplayError {
  return new ReplayError('A stored event is damaged: it has no type or no seq.', event?.meta?.seq);
}

/**
 * Applies events, in order, to every projection that has not seen them yet: a
 * batch at a time through `applyMany` where a projection has it (the fast path
 * of a replay), else one by one. `cursors` is updated in place (it belongs to
 * the caller's replay); the states inside are never mutated, so a state handed
 * out earlier stays valid. A damaged event stops the fold after the events before it.
 */
export function foldInto(projections: readonly AnyProjection[], cursors: Cursors, events: readonly StoredEvent[]): void {
  let whole = 0;
  while (whole < events.length && isWhole(events[whole])) whole++;
  const batch = whole === events.length ? events : events.slice(0, whole);
  for (const projection of projections) {
    const cursor = cursors[projection.name]!;
    foldBatch(projection, cursor, unseen(batch, cursor.seq));
  }
  if (whole < events.length) throw damaged(events[whole]);
}

/**
 * Applies one event to every projection. With `onlyNewer`, a projection whose
 * cursor is already at or past the event's seq (resumed from a later snapshot)
 * skips it; a what-if branch plays injected events that share a seq, so it does not.
 */
export function applyEvent(projections: readonly AnyProjection[], cursors: Cursors, event: StoredEvent, onlyNewer = false): void {
  if (!isWhole(event)) throw damaged(event);
  for (const projection of projections) {
    const cursor = cursors[projection.name]!;
    if (!onlyNewer || cursor.seq < event.meta.seq) applyOne(projection, cursor, event);
  }
}

/**
 * Folds a list of events from the projections' initial states one event at a
 * time through `apply`: the plain fold every faster path must equal, and the
 * benchmark's naive baseline.
 */
export function foldAll(projections: readonly AnyProjection[], events: readonly StoredEvent[]): StatesOf {
  const cursors = initialCursors(projections);
  for (const event of events) applyEvent(projections, cursors, event, true);
  return statesOf(cursors);
}

function applyOne(projection: AnyProjection, cursor: ProjectionCursor, event: StoredEvent): void {
  try {
    cursor.state = projection.apply(cursor.state, event);
  } catch (cause) {
    // A projection that finds the event itself damaged (a payload field of the wrong type) says so.
    if (cause instanceof DamagedEventError) throw stoppedAtDamage(cause);
    throw new ReplayError(`Projection "${projection.name}" failed on event ${event.meta.seq} (${event.type}).`, event.meta.seq, { cause });
  }
  cursor.seq = event.meta.seq;
}

function foldBatch(projection: AnyProjection, cursor: ProjectionCursor, events: readonly StoredEvent[]): void {
  // One event is cheaper through apply than through setting up a batch's drafts.
  if (!projection.applyMany || events.length < 2) {
    for (const event of events) applyOne(projection, cursor, event);
    return;
  }
  try {
    cursor.state = projection.applyMany(cursor.state, events);
  } catch (cause) {
    // applyMany changed nothing: go one by one to stop exactly at the event apply fails on.
    for (const event of events) applyOne(projection, cursor, event);
    throw new ReplayError(`Projection "${projection.name}" failed on the batch from event ${events[0]!.meta.seq}.`, events[0]!.meta.seq, { cause });
  }
  cursor.seq = events[events.length - 1]!.meta.seq;
}

/** The events a projection standing at `after` takes, as the one-by-one fold picks them: each newer than the last taken. */
function unseen(events: readonly StoredEvent[], after: number): readonly StoredEvent[] {
  let start = 0;
  while (start < events.length && events[start]!.meta.seq <= after) start++;
  for (let i = start + 1; i < events.length; i++) {
    if (events[i]!.meta.seq <= events[i - 1]!.meta.seq) {
      const taken: StoredEvent[] = [];
      let last = after;
      for (const event of events) {
        if (event.meta.seq <= last) continue;
        taken.push(event);
        last = event.meta.seq;
      }
      return taken;
    }
  }
  return start === 0 ? events : events.slice(start);
}
