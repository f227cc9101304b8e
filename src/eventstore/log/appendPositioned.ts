import type { CheckpointRecord, RewindDatabase } from '../storage/database.ts';
import type { StoredEvent } from '../types.ts';
import { commitTables, commitWrites } from './commit.ts';
import { LogReplacedError, RETIRED_MARKER, isRetired } from './retiredLog.ts';
import { fillsPage, sealPages } from './sealPages.ts';

/**
 * Appends already positioned events (a small merge) to a live database in one
 * transaction, with checkpoints: all of it lands, or none. `prepare` runs
 * first, inside the transaction: it may throw to refuse (the log moved on
 * meanwhile) and returns the checkpoints to write. The writes are the commit
 * path's (commit.ts); the pages the events filled are sealed before it returns,
 * as there is no open store here to seal them later.
 */
export async function appendPositioned(
  db: RewindDatabase,
  log: string,
  events: StoredEvent[],
  prepare: (db: RewindDatabase) => Promise<CheckpointRecord[]>,
): Promise<void> {
  await db.transaction('rw', commitTables(db), async (tx) => {
    if (await isRetired(db)) throw new LogReplacedError(log);
    const checkpoints = await prepare(db);
    commitWrites(db, tx.idbtrans, events, checkpoints.filter((c) => c.name !== RETIRED_MARKER));
  });
  if (fillsPage(events)) await sealPages(db);
}
