// Every unit test gets a fresh in-memory IndexedDB, shared by all stores it opens (like tabs of one origin).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

beforeEach(() => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  // Dexie captured the factory when it was imported; point it at the fresh one too.
  Dexie.dependencies.indexedDB = factory;
});
