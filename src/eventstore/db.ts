import { Dexie, type EntityTable, type Table } from 'dexie';
import type { JsonValue, StoredEvent, StreamInfo } from './types.ts';

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
 * The one Dexie database of the app. Schema strings name only indexed fields.
 * Events are stored exactly as exported: `{ type, payload, meta }`, keyed by meta.seq.
 */
export class RewindDatabase extends Dexie {
  events!: Table<StoredEvent, number>;
  streams!: EntityTable<StreamInfo, 'stream'>;
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
  }
}
