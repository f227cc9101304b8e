import type { IndexableType, Table } from 'dexie';
import { RewindDatabase, type CheckpointRecord, type DocumentRecord, type SnapshotRecord } from '../storage/database.ts';
import { idHash } from '../indexes/idRecords.ts';
import { eventTables, readRange, readSeqs } from '../storage/pageReads.ts';
import { LogPacker } from '../pages/logPacker.ts';
import { bucketsOf } from '../indexes/streamRecords.ts';
import { pickEvents, type PageRecord } from '../pages/pageCodec.ts';
import { definedDeps, type DatabaseDeps, type LogRecord } from './registry.ts';
import { dropScratchDatabase, registerScratchDatabase, switchLiveDatabase, type SwitchHooks } from './switchLive.ts';
import { RETIRED_MARKER } from '../log/retiredLog.ts';
import type { StoredEvent } from '../types.ts';

/** Two events of one import share an id; `seq` is the later one's position, `firstSeq` the earlier one's. */
export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError';
  constructor(
    readonly id: string,
    readonly seq: number,
    readonly firstSeq: number,
  ) {
    super(`The id "${id}" is used by the events at seq ${firstSeq} and seq ${seq}.`);
  }
}

/** Events moved per transaction when copying between databases. */
const COPY_BATCH = 2000;

/**
 * A fresh database that an import fills, out of sight of the app, before it
 * becomes the live log in one switch (see registry.ts). Events go in exactly as
 * given: the importer has already validated them and assigned their positions.
 * They are packed into pages as they come (a few records per thousand events);
 * ids and stream positions are gathered in memory and written by `finish`,
 * which must come after the last `addEvents`. Bulk writes use relaxed
 * durability for speed; the switch itself is strict, and the final
 * `finish` is strict too, so the data is on disk before it goes live.
 */
export class ScratchLog {
  private readonly packer = new LogPacker();
  private finished = false;

  private constructor(
    readonly logName: string,
    readonly db: RewindDatabase,
    private readonly deps: DatabaseDeps,
  ) {}

  static async create(logName: string, deps: DatabaseDeps): Promise<ScratchLog> {
    const physical = await registerScratchDatabase(logName, deps);
    const db = new RewindDatabase(physical, { ...definedDeps(deps), chromeTransactionDurability: 'relaxed' });
    await db.open();
    return new ScratchLog(logName, db, deps);
  }

  /**
   * Adds events (in seq order, continuing the ones added before); an id added
   * before fails with DuplicateIdError, naming both seqs.
   */
  async addEvents(events: StoredEvent[]): Promise<void> {
    if (this.finished) throw new Error('ScratchLog.addEvents after finish: the log is already complete.');
    const pages: PageRecord[] = [];
    for (const event of events) {
      const { id, seq } = event.meta;
      for (const earlierSeq of this.packer.ids.find(idHash(id))) {
        const earlier = this.packer.pendingEvent(earlierSeq) ?? (await this.storedEvent(earlierSeq, pages));
        if (earlier?.meta.id === id) throw new DuplicateIdError(id, seq, earlierSeq);
      }
      pages.push(...this.packer.add([event]));
    }
    if (pages.length > 0) await this.db.pages.bulkAdd(pages);
  }

  /** An event already packed, written or still in `unwritten` (only needed when two ids share a hash). */
  private async storedEvent(seq: number, unwritten: readonly PageRecord[]): Promise<StoredEvent | undefined> {
    const page = unwritten.find((p) => p.first <= seq && seq <= p.last);
    if (page) return pickEvents(page, [seq])[0];
    return (await readSeqs(this.db, [seq]))[0];
  }

  /**
   * Writes what the packer held back: the last partial page, the id buckets,
   * and the stream index of every event added (buckets and chunks), with any
   * `snapshots` the caller folded of the whole log, so its first load starts
   * from them instead of replaying it. Strict, so everything written before is
   * durable too. No event may be added after.
   */
  async finish(snapshots: readonly SnapshotRecord[] = []): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const { tail, buckets, chunks, streams } = this.packer.finish();
    const strict = new RewindDatabase(this.db.name, { ...definedDeps(this.deps), chromeTransactionDurability: 'strict' });
    try {
      await strict.transaction('rw', [strict.tail, strict.idBuckets, strict.streamIndex, strict.streamBuckets, strict.snapshots], async () => {
        await Promise.all([
          strict.tail.bulkAdd(tail),
          strict.idBuckets.bulkPut(buckets),
          strict.streamIndex.bulkPut(chunks),
          strict.streamBuckets.bulkPut(bucketsOf(streams)),
          strict.snapshots.bulkPut([...snapshots]),
        ]);
      });
    } finally {
      strict.close();
    }
  }

  async putCheckpoints(rows: CheckpointRecord[]): Promise<void> {
    await this.db.checkpoints.bulkPut(rows.filter((r) => r.name !== RETIRED_MARKER));
  }

  /**
   * Copies saved documents (settings, scenarios): they are not part of the log
   * and survive an import, but for the `changes` the new log asks for.
   */
  async copyDocuments(source: RewindDatabase, changes: { remove?: string[]; put?: DocumentRecord[] } = {}): Promise<void> {
    const removed = new Set(changes.remove ?? []);
    const kept = (await source.documents.toArray()).filter((d) => !removed.has(d.id));
    await this.db.documents.bulkPut([...kept, ...(changes.put ?? [])]);
  }

  /**
   * Copies the source's events up to `upToSeq`, and its snapshots and
   * checkpoints, for a merge that appends after them. Snapshots stay valid: a
   * merge only appends.
   */
  async copyLog(source: RewindDatabase, upToSeq: number, onBatch?: (copied: number) => void): Promise<void> {
    let next = 1;
    let copied = 0;
    while (next <= upToSeq) {
      const to = Math.min(upToSeq, next + COPY_BATCH - 1);
      const batch = await source.transaction('r', eventTables(source), () => readRange(source, next, to));
      if (batch.length === 0) break;
      await this.addEvents(batch);
      copied += batch.length;
      next = batch[batch.length - 1]!.meta.seq + 1;
      onBatch?.(copied);
    }
    // Snapshots can be large: a few at a time.
    await copyTable<SnapshotRecord>(source.snapshots, this.db.snapshots, (s) => [s.name, s.version, s.seq], 4);
  }

  /** Makes this database the live log (see switchLiveDatabase for the hooks). */
  async promote(hooks: SwitchHooks = {}): Promise<LogRecord> {
    return switchLiveDatabase(this.logName, this.db.name, this.deps, 'import', {
      check: hooks.check,
      afterRetire: async (live) => {
        await hooks.afterRetire?.(live);
        this.db.close();
      },
    });
  }

  async discard(): Promise<void> {
    this.db.close();
    await dropScratchDatabase(this.logName, this.db.name, this.deps);
  }
}

/** Copies a table in batches of `batchSize` rows, in primary-key order. */
async function copyTable<T>(from: Table<T>, to: Table<T>, keyOf: (row: T) => IndexableType, batchSize: number): Promise<void> {
  let after: IndexableType | undefined;
  for (;;) {
    const query = after === undefined ? from.orderBy(':id') : from.where(':id').above(after);
    const rows = await query.limit(batchSize).toArray();
    if (rows.length === 0) return;
    await to.bulkPut(rows);
    after = keyOf(rows[rows.length - 1]!);
    if (rows.length < batchSize) return;
  }
}
