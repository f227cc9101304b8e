import type { RewindDatabase } from '../storage/database.ts';
import { lastSeqOf } from '../storage/pageReads.ts';
import { commitTables } from './commit.ts';

/**
 * A retired database stopped being the live log (it became the backup of an
 * import, or was swapped out by a restore) and carries this checkpoint record.
 * Appends check for it inside their transaction, so an append racing the switch
 * either lands before the database is retired (and is kept there) or fails: it
 * never lands in a database nobody reads any more. It lives in `checkpoints`
 * because every append transaction already covers that table.
 * The value marks a retired database; it is kept as it is for the databases that hold it.
 */
export const RETIRED_MARKER = '@rewind/sealed';

/** The log was replaced (an import, a restore or a start over); this connection is to a database that is no longer live. */
export class LogReplacedError extends Error {
  override readonly name = 'LogReplacedError';
  constructor(readonly log: string) {
    super(`The log "${log}" was replaced (by an import, a restore of a backup or a start over). Reopen it to see the current log.`);
  }
}

/** Marks `db` retired, after `check` (run inside the same transaction) has accepted its state. */
export async function retireDatabase(db: RewindDatabase, check?: (db: RewindDatabase) => Promise<void>): Promise<void> {
  await db.transaction('rw', commitTables(db), async () => {
    await check?.(db);
    const last = await lastSeqOf(db);
    await db.checkpoints.put({ name: RETIRED_MARKER, seq: last });
  });
}

/** Makes a retired database usable as a live log again (a switch that failed, or a restore of it). */
export async function reinstateDatabase(db: RewindDatabase): Promise<void> {
  await db.checkpoints.delete(RETIRED_MARKER);
}

export async function isRetired(db: RewindDatabase): Promise<boolean> {
  return (await db.checkpoints.get(RETIRED_MARKER)) !== undefined;
}
