import type { Dexie } from 'dexie';
import type { EventLines } from './storage/pageReads.ts';
import type { StoreHealth } from './storage/health.ts';
import type { DocumentRecord, SnapshotRecord } from './storage/database.ts';
import type {
  AppendManyOptions,
  AppendOptions,
  AppendResult,
  EventInput,
  JsonValue,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamBatch,
  StreamInfo,
  SubscriptionHandler,
  Unsubscribe,
} from './types.ts';

/**
 * The event store's public interface, in the parts its callers use: the log,
 * snapshots, checkpoints, documents, and the store's lifecycle. EventStore is
 * all of them; a caller that needs one part asks for that part.
 */

export interface OpenEventStoreOptions {
  /** The IndexedDB database name. */
  name: string;
  /** Where "now" comes from; tests pass a fixed clock. */
  clock?: () => Date;
  /** Makes ids for events appended without one. */
  newId?: () => string;
  /** How many snapshots of each projection to keep as keyframes for time travel. */
  keyframes?: number;
  /** Dexie options, e.g. `{ indexedDB, IDBKeyRange }` for another IndexedDB implementation. */
  dexie?: ConstructorParameters<typeof Dexie>[1];
}

export interface SnapshotInput {
  name: string;
  version: number;
  seq: number;
  state: unknown;
}

export interface ReadLinesOptions {
  /** Inclusive; defaults to 1. */
  fromSeq?: number;
  /** Inclusive; defaults to the last seq. */
  toSeq?: number;
  limit?: number;
}

/** The append-only log: appends, reads by seq, stream, time and id, and subscriptions. */
export interface EventLog {
  append(stream: string, events: EventInput[], options?: AppendOptions): Promise<AppendResult>;
  /** Appends to several streams in one transaction: all of them land, or none. */
  appendMany(batches: StreamBatch[], options?: AppendManyOptions): Promise<AppendResult[]>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** The events of a seq range (ascending) as canonical NDJSON, the lines an export file carries. */
  readLines(options?: ReadLinesOptions): Promise<EventLines>;
  /** Which of these ids the log holds, with their seqs. */
  hasIds(ids: readonly string[]): Promise<Map<string, number>>;
  /** The seq of the newest event, 0 when the log is empty. */
  lastSeq(): Promise<number>;
  /** How many events the stream holds (0 when it does not exist). */
  streamVersion(stream: string): Promise<number>;
  /** streamVersion of each stream, in one read. */
  streamVersions(streams: readonly string[]): Promise<number[]>;
  listStreams(): Promise<StreamInfo[]>;
  /** The seq of the newest event recorded at or before `time` (0 when none). */
  seqAtTime(time: Date | string): Promise<number>;
  /**
   * Delivers every event from `fromSeq` (inclusive) in order, then live appends,
   * including those made by other tabs on the same database.
   */
  subscribe(fromSeq: number, handler: SubscriptionHandler, onError?: (error: unknown) => void): Unsubscribe;
  /** Tells subscribers of this tab and other tabs to look for new events (after a bulk write). */
  notifyAppended(): void;
  /**
   * Resolves once the pages this store's appends filled are sealed. Sealing is
   * housekeeping done after an append resolves (the events are durable in the
   * tail by then, and readers find them there); tests that inspect the stored
   * layout wait for it.
   */
  settled(): Promise<void>;
}

/** Projection states by name, version and seq, kept as keyframes for time travel. */
export interface SnapshotStore {
  saveSnapshot(snapshot: SnapshotInput): Promise<void>;
  /** The newest snapshot of that projection version with seq <= maxSeq. */
  loadSnapshot(name: string, version: number, maxSeq?: number): Promise<SnapshotRecord | undefined>;
  /** The seq of the snapshot loadSnapshot would load, from the keys alone (no state is read); undefined when none. */
  snapshotSeq(name: string, version: number, maxSeq?: number): Promise<number | undefined>;
  deleteSnapshots(name?: string): Promise<void>;
  /** Deletes one snapshot (one that could not be read, say). */
  deleteSnapshot(name: string, version: number, seq: number): Promise<void>;
  /**
   * Deletes every snapshot whose projection name and version are not in `keep`
   * (read models since removed or changed), and says how many went.
   */
  pruneSnapshots(keep: readonly { name: string; version: number }[]): Promise<number>;
}

/** How far each named reader of the log has got (0 when it has not started). */
export interface CheckpointStore {
  getCheckpoint(name: string): Promise<number>;
  setCheckpoint(name: string, seq: number): Promise<void>;
}

/** A document to keep beside the log: not an event, and it survives imports of the log. */
export interface DocumentInput {
  id: string;
  kind: string;
  savedAt: string;
  data: JsonValue;
}

/** Documents beside the log (saved what-if scenarios, settings), by id and by kind. */
export interface DocumentStore {
  /** Saves a document, replacing the one with the same id. */
  putDocument(document: DocumentInput): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  documentsOfKind(kind: string): Promise<DocumentRecord[]>;
  deleteDocument(id: string): Promise<void>;
}

/** The store's own state: whether this tab can still use the log, and closing it. */
export interface StoreLifecycle {
  /** The log's name, as opened. */
  readonly name: string;
  /** Whether this tab can still use the log, and why not (see StoreHealth). */
  health(): StoreHealth;
  onHealthChange(listener: (health: StoreHealth) => void): Unsubscribe;
  close(): void;
}

export interface EventStore extends EventLog, SnapshotStore, CheckpointStore, DocumentStore, StoreLifecycle {}
