import type { Transaction } from 'dexie';
import { LogPacker } from '../pages/logPacker.ts';
import { bucketsOf, type StreamRecord } from '../indexes/streamRecords.ts';
import type { StoredEvent } from '../types.ts';

/** v1 rows read per request while upgrading. */
const ROWS_PER_READ = 5000;

/**
 * Upgrades a version-1 database (one `events` record per event) to pages, tail
 * and indexes, inside the upgrade transaction: the log is moved whole or the
 * upgrade fails and version 1 stays as it was. Dexie drops `events` afterwards.
 */
export async function upgradeFromRows(tx: Transaction): Promise<void> {
  const rows = tx.table<StoredEvent, number>('events');
  const packer = new LogPacker();
  let after = 0;
  for (;;) {
    const batch = await rows.where(':id').above(after).limit(ROWS_PER_READ).toArray();
    if (batch.length === 0) break;
    const pages = packer.add(batch);
    if (pages.length > 0) await tx.table('pages').bulkAdd(pages);
    after = batch[batch.length - 1]!.meta.seq;
  }
  const { tail, buckets, chunks, streams } = packer.finish();
  const heads = new Map(streams.map((s) => [s.stream, s.head]));
  await tx.table('tail').bulkAdd(tail);
  await tx.table('idBuckets').bulkAdd(buckets);
  await tx.table('streamIndex').bulkAdd(chunks);
  await tx.table<StreamRecord, string>('streams').toCollection().modify((row) => {
    row.head = heads.get(row.stream) ?? [];
  });
}

/**
 * Upgrades a version-2 database, whose commits kept a row per stream, to
 * stream buckets: the rows, heads included, are grouped by bucket. The rows
 * cover every event, the tail's too; the runs the tail's events get when they
 * are sealed later restate positions the buckets already hold, which a merge
 * takes in unchanged. Dexie drops `streams` afterwards.
 */
export async function upgradeStreamsToBuckets(tx: Transaction): Promise<void> {
  const rows = await tx.table<StreamRecord, string>('streams').toArray();
  await tx.table('streamBuckets').bulkAdd(bucketsOf(rows.map((row) => ({ ...row, head: row.head ?? [] }))));
}
