import type { EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import type { Projection } from '../../src/replay/index.ts';

/** The talk's counter: each event adds its payload's `by` to the count. */
export const counter: Projection<number> = {
  name: 'counter',
  version: 1,
  initial: 0,
  apply: (state, event: StoredEvent) => (event.type === 'Counted' ? state + (event.payload as { by: number }).by : state),
};

/** Counts how many events it has seen, to tell projections' cursors apart. */
export const seen: Projection<{ count: number; lastSeq: number }> = {
  name: 'seen',
  version: 1,
  initial: { count: 0, lastSeq: 0 },
  apply: (state, event) => ({ count: state.count + 1, lastSeq: event.meta.seq }),
};

export async function count(store: EventStore, ...steps: number[]): Promise<void> {
  for (const by of steps) await store.append('counter-1', [{ type: 'Counted', payload: { by } }]);
}

let clockTick = 0;
/** A clock that moves one minute per call from 2026-01-01, so times are distinct and ordered. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => Date {
  clockTick = 0;
  return () => new Date(start + 60_000 * clockTick++);
}
