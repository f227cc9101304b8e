import type { RewindDatabase } from '../storage/database.ts';
import { tailRecordOf, type TailRecord } from '../pages/tailCodec.ts';
import type { CheckpointWrite, StoredEvent } from '../types.ts';

/** The tables a commit writes, and reads for idempotency and stream versions. */
export function commitTables(db: RewindDatabase) {
  return [db.tail, db.pages, db.idRuns, db.idBuckets, db.streamRuns, db.streamBuckets, db.streamIndex, db.checkpoints];
}

/**
 * A commit's writes: positioned events (ascending seqs) as one tail record, and
 * checkpoints. Where each stream stands is read from the tail until a seal and
 * a merge move it into the stream index. The writes are made on the
 * transaction itself and followed by commit(): through Dexie, the transaction
 * could only end after the writes' results came back to this tab, a round trip
 * before the commit even starts. The requests keep IndexedDB's default: one
 * that fails aborts the transaction, so the commit rejects with its error and
 * nothing is written. Returns the tail record written, if any.
 */
export function commitWrites(
  db: RewindDatabase,
  tx: IDBTransaction,
  events: readonly StoredEvent[],
  checkpoints: readonly CheckpointWrite[],
): TailRecord | undefined {
  const record = events.length > 0 ? tailRecordOf(events) : undefined;
  if (record) tx.objectStore(db.tail.name).add(record);
  for (const checkpoint of checkpoints) tx.objectStore(db.checkpoints.name).put({ ...checkpoint });
  tx.commit();
  return record;
}
