import type { RewindDatabase } from '../storage/database.ts';
import { lastSeqOf } from '../log/pageReads.ts';
import { commitTables } from '../log/commit.ts';

/**
 * A database that stopped being the live log (it became the backup of an import,
 * or was swapped out by a restore) carries this checkpoint record. Appends check
 * for it inside their transaction, so an append racing the switch either lands
 * before the seal (and is kept in that database) or fails: it never lands in a
 * database nobody reads any more. It lives in `checkpoints` because every append
 * transaction already covers that table.
 */
export const SEAL_CHECKPOINT = '@rewind/sealed';

/** The log was replaced by an import or a restore; this connection is to a database that is no longer live. */
export class LogReplacedError extends Error {
  override readonly name = 'LogReplacedError';
  constructor(readonly log: string) {
    super(`The log "${log}" was replaced (by an import or a restore of a backup). Reopen it to see the current log.`);
  }
}

/** Marks `db` sealed, after `check` (run inside the same transaction) has accepted its state. */
export async function sealDatabase(db: RewindDatabase, check?: (db: RewindDatabase) => Promise<void>): Promise<void> {
  await db.transaction('rw', commitTables(db), async () => {
    await check?.(db);
    const last = await lastSeqOf(db);
    await db.checkpoints.put({ name: SEAL_CHECKPOINT, seq: last });
  });
}

export async function unsealDatabase(db: RewindDatabase): Promise<void> {
  await db.checkpoints.delete(SEAL_CHECKPOINT);
}

export async function isSealed(db: RewindDatabase): Promise<boolean> {
  return (await db.checkpoints.get(SEAL_CHECKPOINT)) !== undefined;
}
