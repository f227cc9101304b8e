import { Dexie, type EntityTable, type Table } from 'dexie';
import type { IdBucketRecord, IdRunRecord } from '../indexes/idRecords.ts';
import type { PageRecord } from '../pages/pageCodec.ts';
import type { TailRecord } from '../pages/tailCodec.ts';
import type { StreamBucketRecord, StreamChunkRecord, StreamRunRecord } from '../indexes/streamRecords.ts';
import type { JsonValue } from '../types.ts';

export interface SnapshotRecord {
  name: string;
  version: number;
  /** The state includes every event up to and including this seq. */
  seq: number;
  /** When the snapshot was written (wall clock; informational only). */
  savedAt: string;
  state: unknown;
}

export interface CheckpointRecord {
  name: string;
  seq: number;
}

/** A saved document that is not part of the log (what-if scenarios, settings). */
export interface DocumentRecord {
  id: string;
  kind: string;
  savedAt: string;
  data: JsonValue;
}

/**
 * The upgrade code, loaded only when a database of a lower schema version is opened: it is not
 * part of the boot bundle. Dexie.waitFor keeps the upgrade transaction alive
 * while the module loads.
 */
const upgrades = () => Dexie.waitFor(import('./schemaUpgrade.ts'));

/**
 * The one Dexie database of the app. Schema strings name only indexed fields.
 * Version 1 kept one record per event (four indexes); version 2 keeps sealed
 * pages of canonical event lines, a write-ahead tail of commits not yet sealed,
 * and two compact indexes (ids by hash, seqs by stream version): see
 * pages/pageCodec.ts, indexes/idRecords.ts and indexes/streamRecords.ts.
 * Upgrading moves every v1 event into pages. Version 3 replaces the row per
 * stream, which every commit rewrote, by stream runs and buckets written at
 * seal time; upgrading groups the rows into buckets.
 */
export class RewindDatabase extends Dexie {
  pages!: Table<PageRecord, number>;
  tail!: Table<TailRecord, number>;
  idRuns!: Table<IdRunRecord, number>;
  idBuckets!: Table<IdBucketRecord, number>;
  streamRuns!: Table<StreamRunRecord, number>;
  streamBuckets!: Table<StreamBucketRecord, number>;
  streamIndex!: Table<StreamChunkRecord, [string, number]>;
  snapshots!: Table<SnapshotRecord, [string, number, number]>;
  checkpoints!: EntityTable<CheckpointRecord, 'name'>;
  documents!: EntityTable<DocumentRecord, 'id'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      events: 'meta.seq, &meta.id, [meta.stream+meta.version], meta.at, type',
      streams: 'stream',
      snapshots: '[name+version+seq]',
      checkpoints: 'name',
      documents: 'id, kind',
    });
    this.version(2)
      .stores({
        events: null,
        pages: 'first, firstAt',
        tail: 'first',
        idRuns: 'first',
        idBuckets: 'bucket',
        streamIndex: '[stream+chunk]',
      })
      .upgrade(async (tx) => (await upgrades()).upgradeFromRows(tx));
    this.version(3)
      .stores({ streams: null, streamRuns: 'first', streamBuckets: 'bucket' })
      .upgrade(async (tx) => (await upgrades()).upgradeStreamsToBuckets(tx));
  }
}

/**
 * The key (first seq) of the newest sealed page, if any; inside the caller's
 * transaction when there is one. Dexie's own promise, not an async function's:
 * Dexie follows its transaction across awaits of its own promises.
 */
export function lastPageKey(db: RewindDatabase): Promise<number | undefined> {
  return db.pages.orderBy(':id').lastKey() as Promise<number | undefined>;
}
