import type { Transaction } from 'dexie';
import { LogPacker } from './packer.ts';
import type { StreamRecord } from './streamIndex.ts';
import type { StoredEvent } from './types.ts';

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
  const { tail, buckets, chunks, heads } = packer.finish();
  await tx.table('tail').bulkAdd(tail);
  await tx.table('idBuckets').bulkAdd(buckets);
  await tx.table('streamIndex').bulkAdd(chunks);
  await tx.table<StreamRecord, string>('streams').toCollection().modify((row) => {
    row.head = heads.get(row.stream) ?? [];
  });
}
