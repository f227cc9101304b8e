import type { EmmettBackend } from './emmettBackend.ts';
import type { FeedPage } from './feed.ts';
import { KeyedMutex } from './keyedMutex.ts';
import { StreamCache } from './streamCache.ts';
import {
  StreamConflictError,
  type CommitJudge,
  type CommitOutcome,
  type CommitRefusal,
  type CommitResult,
  type PushCommit,
  type SpaceEvent,
  type SpaceRecord,
  type StreamAppend,
  type SyncStore,
} from './types.ts';

interface StoredAt {
  stream: string;
  version: number;
  position: number;
}

/** Every event id of a space with where it is stored: Emmett has no lookup by id, and a retried push must be told apart from a reused id. */
interface SpaceIndex {
  ids: Map<string, StoredAt>;
  last: number;
}

const LOAD_BATCH = 5000;

/**
 * The sync protocol over an Emmett store: one writer per space (this mutex, plus the
 * backend's lock), each commit in one transaction, duplicates acknowledged, conflicts
 * and broken rules refused with nothing stored.
 */
export class EmmettSyncStore implements SyncStore {
  private readonly writers = new KeyedMutex();
  private readonly indexes = new Map<string, Promise<SpaceIndex>>();
  private readonly spaces = new Map<string, SpaceRecord>();
  private readonly streams = new StreamCache();

  constructor(private readonly backend: EmmettBackend) {}

  get kind() {
    return this.backend.kind;
  }

  async createSpace(space: SpaceRecord): Promise<void> {
    await this.backend.saveSpace(space);
    this.spaces.set(space.spaceId, space);
  }

  async findSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    const cached = this.spaces.get(spaceId);
    if (cached) return cached;
    const found = await this.backend.loadSpace(spaceId);
    if (found) this.spaces.set(spaceId, found);
    return found;
  }

  commit(spaceId: string, device: string, commits: readonly PushCommit[], judge?: CommitJudge): Promise<CommitOutcome> {
    return this.writers.run(spaceId, async () => {
      const index = await this.index(spaceId);
      const results: CommitResult[] = [];
      for (const commit of commits) {
        const outcome = duplicateOf(index, commit) ?? (await this.store(spaceId, device, commit, index, judge));
        if ('code' in outcome) return { results, refusal: outcome, last: index.last };
        results.push(outcome);
      }
      return { results, last: index.last };
    });
  }

  readFeed(spaceId: string, after: number, limit: number): Promise<FeedPage> {
    return this.backend.readFeed(spaceId, after, limit);
  }

  async lastPosition(spaceId: string): Promise<number> {
    return (await this.index(spaceId)).last;
  }

  close(): Promise<void> {
    return this.backend.close();
  }

  private async store(spaceId: string, device: string, commit: PushCommit, index: SpaceIndex, judge?: CommitJudge): Promise<CommitResult | CommitRefusal> {
    const reused = reusedId(index, commit);
    if (reused) return reused;
    const batches = batchesOf(commit);
    const outcome = await this.backend
      .transaction(spaceId, async (tx): Promise<number[][] | CommitRefusal> => {
        const streams: SpaceEvent[][] = [];
        for (const { stream } of batches) {
          let events = this.streams.get(spaceId, stream);
          if (!events) this.streams.set(spaceId, stream, (events = await tx.readStream(stream)));
          streams.push(events);
        }
        for (const [i, batch] of batches.entries()) {
          const actual = streams[i]!.at(-1)?.event.meta.version ?? 0;
          if (actual !== batch.expectedVersion) return conflict(commit.id, batch.stream, batch.expectedVersion, actual);
        }
        const verdict = judge?.(commit, streams.flat().sort((a, b) => a.position - b.position));
        if (verdict) return { code: 'RULE_BROKEN', commitId: commit.id, ...verdict };
        return tx.append(batches, device, commit.id);
      })
      .catch(async (error: unknown) => {
        for (const { stream } of batches) this.streams.drop(spaceId, stream);
        if (!(error instanceof StreamConflictError)) throw error;
        // Another writer moved the stream between our read and Emmett's check.
        const now = await this.backend.transaction(spaceId, (tx) => tx.readStream(error.stream));
        return conflict(commit.id, error.stream, error.expected, now.at(-1)?.event.meta.version ?? 0);
      });
    if ('code' in outcome) return outcome;
    let first = Infinity;
    let last = 0;
    for (const [i, batch] of batches.entries()) {
      for (const [j, event] of batch.events.entries()) {
        const position = outcome[i]![j]!;
        this.streams.append(spaceId, batch.stream, { position, device, event });
        index.ids.set(event.meta.id, { stream: event.meta.stream, version: event.meta.version, position });
        first = Math.min(first, position);
        last = Math.max(last, position);
      }
    }
    index.last = Math.max(index.last, last);
    return { id: commit.id, status: 'stored', positions: [first, last] };
  }

  /** The space's ids, read once from the store and kept up to date by this process's commits (one server per store). */
  private index(spaceId: string): Promise<SpaceIndex> {
    let index = this.indexes.get(spaceId);
    if (!index) {
      index = this.loadIndex(spaceId);
      this.indexes.set(spaceId, index);
      index.catch(() => this.indexes.delete(spaceId));
    }
    return index;
  }

  private async loadIndex(spaceId: string): Promise<SpaceIndex> {
    const index: SpaceIndex = { ids: new Map(), last: 0 };
    for (let more = true; more; ) {
      const batch = await this.backend.readAfter(spaceId, index.last, LOAD_BATCH);
      for (const { position, event } of batch.events) index.ids.set(event.meta.id, { stream: event.meta.stream, version: event.meta.version, position });
      index.last = batch.events.at(-1)?.position ?? index.last;
      more = batch.more;
    }
    return index;
  }
}

/** A commit already stored: its first event is stored at exactly its stream and version (a retry after a lost answer). */
function duplicateOf(index: SpaceIndex, commit: PushCommit): CommitResult | undefined {
  const first = commit.events[0]!;
  const stored = index.ids.get(first.meta.id);
  if (!stored || stored.stream !== first.meta.stream || stored.version !== first.meta.version) return undefined;
  let last = stored.position;
  for (const event of commit.events) last = Math.max(last, index.ids.get(event.meta.id)?.position ?? last);
  return { id: commit.id, status: 'duplicate', positions: [stored.position, last] };
}

function reusedId(index: SpaceIndex, commit: PushCommit): CommitRefusal | undefined {
  const seen = new Set<string>();
  for (const [eventIndex, event] of commit.events.entries()) {
    const { id } = event.meta;
    const stored = index.ids.get(id);
    if (stored || seen.has(id))
      return {
        code: 'DUPLICATE_EVENT_ID',
        commitId: commit.id,
        eventIndex,
        message: stored
          ? `Event id ${id} is already stored as version ${stored.version} of ${stored.stream}, so this event cannot be stored under it.`
          : `Event id ${id} is used twice in commit ${commit.id}.`,
      };
    seen.add(id);
  }
  return undefined;
}

/** The commit's events by stream, in the order the streams first appear; each batch expects its stream at its first version less one. */
function batchesOf(commit: PushCommit): StreamAppend[] {
  const batches = new Map<string, StreamAppend>();
  for (const event of commit.events) {
    const batch = batches.get(event.meta.stream);
    if (batch) batch.events.push(event);
    else batches.set(event.meta.stream, { stream: event.meta.stream, expectedVersion: event.meta.version - 1, events: [event] });
  }
  return [...batches.values()];
}

function conflict(commitId: string, stream: string, expected: number, actual: number): CommitRefusal {
  return {
    code: 'CONFLICT',
    commitId,
    stream,
    expected,
    actual,
    message: `Stream ${stream} is at version ${actual} on the server, not ${expected}: another device wrote to it first. Pull, then push again.`,
  };
}

