import { afterEach } from 'vitest';
import { openEventStore, type EventStore, type StoredEvent } from '../../src/eventstore/index.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';

const opened: EventStore[] = [];
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
});

let n = 0;

/**
 * A store on this test's fake IndexedDB (Dexie reads `indexedDB` once, so it is
 * handed over). Ids are unique across every store a test opens, as random ids are.
 */
export async function openStore(name = 'rewind-files'): Promise<EventStore> {
  const store = await openEventStore({
    name,
    newId: () => `${name}-evt-${++n}`,
    clock: () => new Date(Date.UTC(2026, 0, 1) + n * 1000),
    dexie: { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange },
  });
  opened.push(store);
  return store;
}

/** Appends events one by one through the store's public API, keeping their ids (the store assigns the rest). */
export async function appendAll(store: EventStore, events: { type: string; payload: StoredEvent['payload']; meta: { id: string; stream: string } }[]): Promise<void> {
  for (const e of events) await store.append(e.meta.stream, [{ type: e.type, payload: e.payload, meta: { id: e.meta.id } }]);
}

/** Everything an import could touch, to compare before and after. */
export async function logState(store: EventStore) {
  const db = databaseOf(store);
  return {
    events: await store.readAll(),
    streams: await store.listStreams(),
    checkpoints: await db.checkpoints.toArray(),
    documents: await db.documents.toArray(),
    snapshots: await db.snapshots.toArray(),
  };
}

export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
