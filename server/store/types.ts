/** The sync server's vocabulary: wire events, commits and what a store answers (docs/sync.md, "HTTP API"). */

import type { PulledEvent, WireCommit, WireEvent } from '../../src/domain/sync/protocol.ts';
import type { FeedPage } from './feed.ts';

export type { JsonValue, WireEvent, WireMeta } from '../../src/domain/sync/protocol.ts';

/** One device's atomic unit: every event lands, or none. */
export type PushCommit = WireCommit;

/** An event as a space holds it: where it stands in the space's order and which device recorded it. */
export type SpaceEvent = PulledEvent;

export interface CommitResult {
  id: string;
  status: 'stored' | 'duplicate';
  positions: [number, number];
}

/** Why a commit was not stored; the commits before it stay stored. */
export type CommitRefusal =
  | { code: 'CONFLICT'; message: string; commitId: string; stream: string; expected: number; actual: number }
  | { code: 'DUPLICATE_EVENT_ID'; message: string; commitId: string; eventIndex: number }
  | { code: 'RULE_BROKEN'; message: string; commitId: string; eventIndex: number };

export interface CommitOutcome {
  results: CommitResult[];
  refusal?: CommitRefusal;
  /** The space's last position after the commits that were stored. */
  last: number;
}

/** Judges a commit against the stored events of the streams it touches (in space order); a refusal stores nothing. */
export type CommitJudge = (commit: PushCommit, touched: readonly SpaceEvent[]) => { message: string; eventIndex: number } | undefined;

export interface SpaceRecord {
  spaceId: string;
  /** SHA-256 of the secret, hex. */
  secretHash: string;
  name?: string;
}

export interface ReadBatch {
  events: SpaceEvent[];
  more: boolean;
}

/** What the HTTP layer needs of a store; both Emmett stores implement it. */
export interface SyncStore {
  readonly kind: 'sqlite' | 'postgresql';
  createSpace(space: SpaceRecord): Promise<void>;
  findSpace(spaceId: string): Promise<SpaceRecord | undefined>;
  /** Applies the commits in order, each atomically, stopping at the first refused. */
  commit(spaceId: string, device: string, commits: readonly PushCommit[], judge?: CommitJudge): Promise<CommitOutcome>;
  /** The space's events after `after`, oldest first, at most `limit`, as pull lines (feed.ts). */
  readFeed(spaceId: string, after: number, limit: number): Promise<FeedPage>;
  lastPosition(spaceId: string): Promise<number>;
  close(): Promise<void>;
}

/** One stream's part of a commit, appended with Emmett's expected stream version. */
export interface StreamAppend {
  stream: string;
  expectedVersion: number;
  events: WireEvent[];
}

/** Thrown inside a store transaction when Emmett refuses an expected version: the transaction rolls back. */
export class StreamConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: number,
  ) {
    super(`Stream ${stream} is not at version ${expected}.`);
    this.name = 'StreamConflictError';
  }
}
