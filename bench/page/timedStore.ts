import type { EventStore } from '../../src/eventstore/index.ts';

/** Where a replay spent its time in the store: reads of events and loads of snapshots. */
export interface StoreTimings {
  readMs: number;
  reads: number;
  /** From the first snapshot load started to the last one done (they run in parallel). */
  snapshotStart?: number;
  snapshotEnd?: number;
  snapshotSeqs: number[];
}

export function newTimings(): StoreTimings {
  return { readMs: 0, reads: 0, snapshotSeqs: [] };
}

/** The store, with its event reads and snapshot loads timed; behaviour unchanged. */
export function timedStore(store: EventStore, t: StoreTimings): EventStore {
  return {
    ...store,
    readAll: async (options) => {
      const start = performance.now();
      try {
        return await store.readAll(options);
      } finally {
        t.readMs += performance.now() - start;
        t.reads += 1;
      }
    },
    loadSnapshot: async (name, version, maxSeq) => {
      t.snapshotStart ??= performance.now();
      try {
        const snapshot = await store.loadSnapshot(name, version, maxSeq);
        t.snapshotSeqs.push(snapshot?.seq ?? 0);
        return snapshot;
      } finally {
        t.snapshotEnd = performance.now();
      }
    },
  };
}

export function snapshotSpan(t: StoreTimings): number {
  return t.snapshotStart === undefined || t.snapshotEnd === undefined ? 0 : t.snapshotEnd - t.snapshotStart;
}
