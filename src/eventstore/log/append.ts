import { lastPageKey } from '../storage/database.ts';
import { closedError } from '../storage/health.ts';
import type { TailRecord } from '../pages/tailCodec.ts';
import { findSealedIds, mergeFound } from '../lookups/idLookup.ts';
import { EventStoreClosedError } from '../errors.ts';
import { LogReplacedError, RETIRED_MARKER } from './retiredLog.ts';
import type { EventLog } from '../interfaces.ts';
import type { AppendManyOptions, AppendResult, StreamBatch } from '../types.ts';
import { commitTables, commitWrites } from './commit.ts';
import type { Housekeeping } from './housekeeping.ts';
import type { LogContext } from './logContext.ts';
import { placeBatches, prepareBatches, type Placed } from './prepareAppend.ts';
import { fillsPage } from './sealPages.ts';
import type { Subscribers } from './subscribers.ts';

export interface AppendContext {
  log: LogContext;
  housekeeping: Housekeeping;
  subscribers: Subscribers;
  /** Whether another tab's import or restore switched the log to another database. */
  replaced: () => boolean;
  clock: () => Date;
  newId: () => string;
}

/**
 * The commit path: batches are checked and given their events' ids and times
 * outside the transaction, then placed and written in one transaction that
 * awaits only IndexedDB. Sealing the pages a commit filled happens after it.
 */
export function appendMethods({ log, housekeeping, subscribers, replaced, clock, newId }: AppendContext): Pick<EventLog, 'append' | 'appendMany'> {
  const { name, db, connection, tailCache, idLookup, streamLookup, seen } = log;

  async function appendMany(batches: StreamBatch[], options: AppendManyOptions = {}): Promise<AppendResult[]> {
    if (connection.ended) throw closedError(connection.health.get());
    housekeeping.warmStreamsOnce();
    if (replaced()) throw new LogReplacedError(name);
    const prepared = prepareBatches(batches, clock, newId);
    const allIds = prepared.flatMap((b) => b.events.map((e) => e.meta.id));
    const streamNames = prepared.map((b) => b.stream);
    let lost = false;
    const transaction = () => db.transaction('rw', commitTables(db), async (tx) => {
      // Asked for once, with the other reads: the lookups need it when the tail or the runs are empty, and
      // asking after their own key reads would cost a second round trip to IndexedDB.
      const lastPage = lastPageKey(db);
      const [retiredMarker, tail, idsInPages, streamsWith] = await Promise.all([
        db.checkpoints.get(RETIRED_MARKER),
        tailCache.view(db, lastPage),
        findSealedIds(db, allIds, idLookup, lastPage),
        streamLookup.sealed(db, streamNames, lastPage),
      ]);
      const streams = streamsWith(tail);
      // An import or restore switched the log to another database; this one is only a backup.
      if (retiredMarker) throw new LogReplacedError(name);
      const existing = mergeFound(allIds, tail, idsInPages);
      const lastSeq = seen(tail.lastSeq);
      if (lastSeq < log.highestSeq()) {
        lost = true;
        throw new EventStoreClosedError();
      }
      const placed = placeBatches(prepared, existing, (stream) => streams.version(stream), lastSeq);
      const record = commitWrites(db, tx.idbtrans, placed.rows, options.checkpoint ? [options.checkpoint] : []);
      return { ...placed, record };
    });
    let committed: Placed & { record: TailRecord | undefined };
    try {
      committed = await log.run(transaction, 'append');
      seen(committed.seq);
    } catch (error) {
      if (!lost) throw error;
      connection.end({ state: 'deleted' });
      throw closedError(connection.health.get());
    }
    const { results, rows, record } = committed;
    if (record) tailCache.committed(record);
    housekeeping.buildIdFilter();
    if (rows.length > 0) {
      subscribers.deliver(rows);
      if (fillsPage(rows)) void housekeeping.sealLater();
    } else if (results.some((r) => r.lastSeq > 0)) {
      // A retry that found the batch already stored: the first attempt may have landed unannounced.
      subscribers.notifyAppended();
    }
    return results;
  }

  return {
    append: async (stream, events, options = {}) => {
      const [result] = await appendMany([{ stream, events, expectedVersion: options.expectedVersion }]);
      return result!;
    },
    appendMany,
  };
}
