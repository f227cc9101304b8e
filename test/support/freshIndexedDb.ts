import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';

/**
 * A new, empty in-memory IndexedDB for everything opened from now on: the
 * global, and Dexie's, which Dexie captured from the global when it was
 * imported (replacing the global alone leaves Dexie on the old databases).
 */
export function freshIndexedDb(): IDBFactory {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
  return factory;
}
