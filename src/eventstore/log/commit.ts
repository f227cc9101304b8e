import type { RewindDatabase } from '../storage/database.ts';
import type { TailRecord } from '../pages/pageCodec.ts';
import { tailRecordOf } from '../pages/tailCodec.ts';
import type { CheckpointWrite, StoredEvent } from '../types.ts';

/** The tables a commit writes, and reads for idempotency and stream versions. */
export function commitTables(db: RewindDatabase) {
  return [db.tail, db.pages, db.idRuns, db.idBuckets, db.streamRuns, db.streamBuckets, db.streamIndex, db.checkpoints];
}

/**
 * Writes positioned events (ascending seqs) inside the caller's transaction:
 * one tail record for the whole commit. Nothing else: where each stream stands
 * is read from the tail until a seal and a merge move it into the stream index.
 */
export async function writeEvents(db: RewindDatabase, events: readonly StoredEvent[]): Promise<TailRecord | undefined> {
  if (events.length === 0) return undefined;
  const record = tailRecordOf(events);
  await db.tail.add(record);
  return record;
}

/**
 * A commit's writes, made on the transaction itself and followed by commit():
 * through Dexie, the transaction could only end after the writes' results came
 * back to this page, a round trip before the commit even starts. The requests
 * keep IndexedDB's default: one that fails aborts the transaction, so the
 * commit rejects with its error and nothing is written.
 */
export function commitWrites(db: RewindDatabase, tx: IDBTransaction, record: TailRecord | undefined, checkpoint: CheckpointWrite | undefined): void {
  if (record) tx.objectStore(db.tail.name).add(record);
  if (checkpoint) tx.objectStore(db.checkpoints.name).put({ ...checkpoint });
  tx.commit();
}
