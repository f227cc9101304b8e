import type { StoredEvent } from '../eventstore/index.ts';

/**
 * A projection folds the log into one piece of state. It must be pure: the same
 * events give the same state whether folded from the first event, resumed from
 * a snapshot, or applied one at a time as they arrive. `apply` never mutates
 * `state`; it returns the next state (or the same object when nothing changed).
 *
 * `applyMany`, when a projection has it, folds a batch of events at once: it
 * must return a state equal (same JSON) to applying them one by one, and never
 * mutate `state` either. It exists for speed: inside one call a projection may
 * work on private mutable copies and publish them once at the end.
 *
 * Bump `version` whenever `apply` or the state's shape changes: snapshots of
 * another version are ignored and the state is rebuilt from events.
 */
export interface Projection<S> {
  readonly name: string;
  readonly version: number;
  readonly initial: S;
  apply(state: S, event: StoredEvent): S;
  applyMany?(state: S, events: readonly StoredEvent[]): S;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of projections
export type AnyProjection = Projection<any>;

/** The state of every projection in a list, keyed by projection name. */
export type StatesOf = Record<string, unknown>;
