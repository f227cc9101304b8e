import type { StoredEvent } from '../eventstore/index.ts';
import { ReplayError } from './errors.ts';
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

/**
 * Applies events, in order, to every projection that has not seen them yet.
 * `cursors` is updated in place (it belongs to the caller's replay); the states
 * inside are never mutated, so a state handed out earlier stays valid.
 */
export function foldInto(projections: readonly AnyProjection[], cursors: Cursors, events: readonly StoredEvent[]): void {
  for (const event of events) applyEvent(projections, cursors, event, true);
}

/**
 * Applies one event to every projection. With `onlyNewer`, a projection whose
 * cursor is already at or past the event's seq (resumed from a later snapshot)
 * skips it; a what-if branch plays injected events that share a seq, so it does not.
 */
export function applyEvent(projections: readonly AnyProjection[], cursors: Cursors, event: StoredEvent, onlyNewer = false): void {
  const seq = event?.meta?.seq;
  if (typeof event?.type !== 'string' || typeof seq !== 'number')
    throw new ReplayError('A stored event is damaged: it has no type or no seq.', seq);
  for (const projection of projections) {
    const cursor = cursors[projection.name]!;
    if (onlyNewer && cursor.seq >= seq) continue;
    try {
      cursor.state = projection.apply(cursor.state, event);
    } catch (cause) {
      throw new ReplayError(`Projection "${projection.name}" failed on event ${seq} (${event.type}).`, seq, { cause });
    }
    cursor.seq = seq;
  }
}

/** Folds a list of events from the projections' initial states. */
export function foldAll(projections: readonly AnyProjection[], events: readonly StoredEvent[]): StatesOf {
  const cursors = initialCursors(projections);
  foldInto(projections, cursors, events);
  return statesOf(cursors);
}
