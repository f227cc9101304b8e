import type { BulkError, IndexableType, Table } from 'dexie';
import { RewindDatabase, type CheckpointRecord, type SnapshotRecord } from './db.ts';
import {
  definedDeps,
  dropScratchDatabase,
  registerScratchDatabase,
  switchLiveDatabase,
  type DatabaseDeps,
  type LogRecord,
  type SwitchHooks,
} from './registry.ts';
import { LogReplacedError, SEAL_CHECKPOINT, isSealed } from './seal.ts';
import type { StoredEvent, StreamInfo } from './types.ts';

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

/** Rows moved per transaction when copying between databases. */
const COPY_PAGE = 2000;

/**
 * A fresh database that an import fills, out of sight of the app, before it
 * becomes the live log in one switch (see registry.ts). Events go in exactly as
 * given: the importer has already validated them and assigned their positions.
 * Bulk writes use relaxed durability for speed; the switch itself is strict, and
 * the final `putStreams` is strict too, so the data is on disk before it goes live.
 */
export class ScratchLog {
  private constructor(
    readonly log: string,
    readonly db: RewindDatabase,
    private readonly deps: DatabaseDeps,
  ) {}

  static async create(log: string, deps: DatabaseDeps): Promise<ScratchLog> {
    const physical = await registerScratchDatabase(log, deps);
    const db = new RewindDatabase(physical, { ...definedDeps(deps), chromeTransactionDurability: 'relaxed' });
    await db.open();
    return new ScratchLog(log, db, deps);
  }

  /** Adds events; an id the database already holds (the unique index) fails with DuplicateIdError. */
  async addEvents(events: StoredEvent[]): Promise<void> {
    try {
      await this.db.events.bulkAdd(events);
    } catch (error) {
      const failures = (error as Partial<BulkError>).failuresByPos ?? {};
      const [position] = Object.keys(failures)
        .map(Number)
        .filter((p) => failures[p]?.name === 'ConstraintError');
      if (position === undefined) throw error;
      const repeated = events[position]!;
      const first = await this.db.events.where('meta.id').equals(repeated.meta.id).first();
      if (!first) throw error;
      throw new DuplicateIdError(repeated.meta.id, repeated.meta.seq, first.meta.seq);
    }
  }

  /** Writes the streams table; strict, so everything written before is durable too. */
  async putStreams(rows: StreamInfo[]): Promise<void> {
    const strict = new RewindDatabase(this.db.name, { ...definedDeps(this.deps), chromeTransactionDurability: 'strict' });
    try {
      for (let i = 0; i < rows.length; i += COPY_PAGE) await strict.streams.bulkPut(rows.slice(i, i + COPY_PAGE));
    } finally {
      strict.close();
    }
  }

  async putCheckpoints(rows: CheckpointRecord[]): Promise<void> {
    await this.db.checkpoints.bulkPut(rows.filter((r) => r.name !== SEAL_CHECKPOINT));
  }

  /** Copies saved documents (settings, scenarios): they are not part of the log and survive an import. */
  async copyDocuments(source: RewindDatabase): Promise<void> {
    await this.db.documents.bulkPut(await source.documents.toArray());
  }

  /**
   * Copies the source's events up to `upToSeq`, and its snapshots and
   * checkpoints, for a merge that appends after them. Snapshots stay valid: a
   * merge only appends.
   */
  async copyLog(source: RewindDatabase, upToSeq: number, onPage?: (copied: number) => void): Promise<void> {
    let next = 1;
    let copied = 0;
    while (next <= upToSeq) {
      const page = await source.events.where(':id').between(next, upToSeq, true, true).limit(COPY_PAGE).toArray();
      if (page.length === 0) break;
      await this.addEvents(page);
      copied += page.length;
      next = page[page.length - 1]!.meta.seq + 1;
      onPage?.(copied);
    }
    await copyTable<StreamInfo>(source.streams as Table<StreamInfo>, this.db.streams as Table<StreamInfo>, (s) => s.stream, COPY_PAGE);
    // Snapshots can be large: a few at a time.
    await copyTable<SnapshotRecord>(source.snapshots, this.db.snapshots, (s) => [s.name, s.version, s.seq], 4);
  }

  /** Makes this database the live log (see switchLiveDatabase for the hooks). */
  async promote(hooks: SwitchHooks = {}): Promise<LogRecord> {
    return switchLiveDatabase(this.log, this.db.name, this.deps, 'import', {
      check: hooks.check,
      afterSeal: async (live) => {
        await hooks.afterSeal?.(live);
        this.db.close();
      },
    });
  }

  async discard(): Promise<void> {
    this.db.close();
    await dropScratchDatabase(this.log, this.db.name, this.deps);
  }
}

/** Copies a table page by page in primary-key order. */
async function copyTable<T>(from: Table<T>, to: Table<T>, keyOf: (row: T) => IndexableType, pageSize: number): Promise<void> {
  let after: IndexableType | undefined;
  for (;;) {
    const query = after === undefined ? from.orderBy(':id') : from.where(':id').above(after);
    const rows = await query.limit(pageSize).toArray();
    if (rows.length === 0) return;
    await to.bulkPut(rows);
    after = keyOf(rows[rows.length - 1]!);
    if (rows.length < pageSize) return;
  }
}

/** The newest seq of a database, read inside the caller's transaction when there is one. */
export async function lastSeqOf(db: RewindDatabase): Promise<number> {
  return ((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/**
 * Appends already positioned events to a live database in one transaction, with
 * their streams and checkpoints: all of it lands, or none. `prepare` runs first,
 * inside the transaction: it may throw to refuse (the log moved on meanwhile) and
 * returns the checkpoints to write.
 */
export async function appendPositioned(
  db: RewindDatabase,
  log: string,
  events: StoredEvent[],
  streams: StreamInfo[],
  prepare: (db: RewindDatabase) => Promise<CheckpointRecord[]>,
): Promise<void> {
  await db.transaction('rw', [db.events, db.streams, db.checkpoints], async () => {
    if (await isSealed(db)) throw new LogReplacedError(log);
    const checkpoints = await prepare(db);
    await db.events.bulkAdd(events);
    await db.streams.bulkPut(streams);
    await db.checkpoints.bulkPut(checkpoints.filter((c) => c.name !== SEAL_CHECKPOINT));
  });
}
