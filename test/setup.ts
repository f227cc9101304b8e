// Every unit test gets a fresh in-memory IndexedDB, shared by all stores it opens (like tabs of one origin).
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { freshIndexedDb } from './support/freshIndexedDb.ts';

beforeEach(() => {
  freshIndexedDb();
});
