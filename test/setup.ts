// Every unit test gets a fresh in-memory IndexedDB, shared by all stores it opens (like tabs of one origin).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
