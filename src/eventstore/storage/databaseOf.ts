import type { RewindDatabase } from './database.ts';

const databases = new WeakMap<object, RewindDatabase>();

/** Notes which database an open store reads and writes. */
export function registerDatabase(store: object, db: RewindDatabase): void {
  databases.set(store, db);
}

/**
 * The Dexie database behind an open store. Not part of the public interface:
 * for the bulk import room and for tests that inspect or damage storage on purpose.
 */
export function databaseOf(store: object): RewindDatabase {
  const db = databases.get(store);
  if (!db) throw new Error('Not an event store opened by openEventStore.');
  return db;
}
