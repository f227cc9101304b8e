import type { FeedPage } from './feed.ts';
import type { ReadBatch, SpaceEvent, SpaceRecord, StreamAppend } from './types.ts';

/** The part of one store transaction a commit uses; the space's write lock is held throughout. */
export interface SpaceTransaction {
  /** Every stored event of the stream, oldest first. */
  readStream(stream: string): Promise<SpaceEvent[]>;
  /**
   * Appends each batch with Emmett's expected stream version, and the events' feed rows; throws StreamConflictError
   * (rolling everything back) when one does not match. Returns each event's position, batch by batch.
   */
  append(batches: readonly StreamAppend[], device: string, commitId: string): Promise<number[][]>;
}

/** What differs between Emmett's SQLite and PostgreSQL stores; `EmmettSyncStore` builds the protocol on it. */
export interface EmmettBackend {
  readonly kind: 'sqlite' | 'postgresql';
  /** Runs `work` in one transaction that holds the space's write lock: everything it appends lands, or nothing. */
  transaction<T>(spaceId: string, work: (tx: SpaceTransaction) => Promise<T>): Promise<T>;
  /** The space's events after `after` through Emmett's read, parsed. */
  readAfter(spaceId: string, after: number, limit: number): Promise<ReadBatch>;
  /** The same events as pull lines, from the feed (feed.ts). */
  readFeed(spaceId: string, after: number, limit: number): Promise<FeedPage>;
  /** Makes room for a new space (PostgreSQL: its partition) and records it. */
  saveSpace(space: SpaceRecord): Promise<void>;
  loadSpace(spaceId: string): Promise<SpaceRecord | undefined>;
  close(): Promise<void>;
}

/** The Emmett stream holding a space's record, in Emmett's default partition. */
export const spaceRecordStream = (spaceId: string): string => `space-${spaceId}`;
export const SPACE_CREATED = 'SpaceCreated';
