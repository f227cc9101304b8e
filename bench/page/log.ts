import { openEventStore, type EventStore } from '../../src/eventstore/index.ts';
import { KEYFRAMES } from '../../src/replay/index.ts';

/** The log the app opens: the benchmark seeds and measures the very database the app reads. */
export const LOG = 'rewind';

export function openLog(): Promise<EventStore> {
  // As many keyframes as the app keeps (src/store/ledger.ts).
  return openEventStore({ name: LOG, keyframes: KEYFRAMES });
}

/** Runs `fn` with the app's log open, and closes it after. */
export async function withLog<T>(fn: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openLog();
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function ms(since: number): number {
  return performance.now() - since;
}
