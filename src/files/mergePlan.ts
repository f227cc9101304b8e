import { canonicalJson, type RewindDatabase, type StoredEvent, type StreamInfo } from '../eventstore/index.ts';
import { LogFileError, type StreamConflict } from './errors.ts';

/** Two copies of one event: equal in everything but the seq, which each log assigns itself. */
function sameEvent(a: StoredEvent, b: StoredEvent): boolean {
  const strip = (e: StoredEvent) => ({ type: e.type, payload: e.payload, meta: { ...e.meta, seq: 0 } });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

const positionKey = (stream: string, version: number) => `${version}\u0000${stream}`;

/**
 * Decides, batch by batch, what a merge does with each event of the file. The
 * rule is per stream: the two logs agree on a stream when one holds a prefix of
 * the other (same ids, same content, version by version). Then the file's
 * events beyond this log's end of the stream are new and are appended after the
 * log, keeping their stream versions. When they disagree at some version, both
 * wrote to the stream after their common past: a conflict. Only the streams of
 * the file are looked at, in batches, so memory follows the batch, not the log.
 */
export class MergePlan {
  readonly conflicts = new Map<string, StreamConflict>();
  /** This log's version of each stream the file touches, as read. */
  private readonly localVersions = new Map<string, number>();
  /** Each stream's version and last seq once the new events are appended. */
  private readonly planned = new Map<string, StreamInfo>();
  skipped = 0;
  added = 0;
  lastSeq: number;

  constructor(
    private readonly db: RewindDatabase,
    readonly base: number,
  ) {
    this.lastSeq = base;
  }

  /** Returns the batch's new events, positioned after this log; records conflicts. */
  async classify(events: readonly StoredEvent[], firstLine: number): Promise<StoredEvent[]> {
    const { db } = this;
    const unseen = [...new Set(events.map((e) => e.meta.stream))].filter((s) => !this.localVersions.has(s));
    const infos = await db.streams.bulkGet(unseen);
    unseen.forEach((stream, i) => this.localVersions.set(stream, infos[i]?.version ?? 0));
    const known = events.filter((e) => e.meta.version <= this.localVersions.get(e.meta.stream)!);
    const [atPositions, withIds] = await Promise.all([
      known.length === 0
        ? []
        : db.events
            .where('[meta.stream+meta.version]')
            .anyOf(known.map((e) => [e.meta.stream, e.meta.version]))
            .toArray(),
      db.events
        .where('meta.id')
        .anyOf(events.map((e) => e.meta.id))
        .toArray(),
    ]);
    const mineAt = new Map(atPositions.map((e) => [positionKey(e.meta.stream, e.meta.version), e]));
    const mineById = new Map(withIds.map((e) => [e.meta.id, e]));
    const fresh: StoredEvent[] = [];
    events.forEach((event, i) => {
      const positioned = this.place(event, firstLine + i, mineAt, mineById);
      if (positioned) fresh.push(positioned);
    });
    return fresh;
  }

  private place(
    event: StoredEvent,
    line: number,
    mineAt: Map<string, StoredEvent>,
    mineById: Map<string, StoredEvent>,
  ): StoredEvent | undefined {
    const { stream, version, id } = event.meta;
    const conflict = this.conflicts.get(stream);
    if (conflict) {
      conflict.incomingVersion = version;
      return undefined;
    }
    const local = this.localVersions.get(stream)!;
    const sameId = mineById.get(id);
    if (version <= local) {
      const mine = mineAt.get(positionKey(stream, version));
      if (mine && mine.meta.id === id) {
        if (!sameEvent(mine, event)) throw idConflict(id, mine.meta.seq, line);
        this.skipped += 1;
        return undefined;
      }
      this.conflicts.set(stream, {
        stream,
        divergesAtVersion: version,
        localVersion: local,
        incomingVersion: version,
        localSeq: mine?.meta.seq ?? 0,
        incomingLine: line,
      });
      return undefined;
    }
    if (sameId) throw idConflict(id, sameId.meta.seq, line);
    const before = this.planned.get(stream)?.version ?? local;
    if (version !== before + 1)
      throw new LogFileError(
        'STREAM_NOT_CONTINUOUS',
        `the file continues stream "${stream}" at version ${version}, but this log holds only ${before} of its events: the events in between are missing. Import a file that includes them.`,
        line,
      );
    this.lastSeq += 1;
    this.added += 1;
    this.planned.set(stream, { stream, version, lastSeq: this.lastSeq });
    return { type: event.type, payload: event.payload, meta: { ...event.meta, seq: this.lastSeq } };
  }

  /** The streams table rows the new events change. */
  streamRows(): StreamInfo[] {
    return [...this.planned.values()];
  }

  /** The last seq before this log diverged from the file: where a what-if branch of the file's events starts. */
  branchBaseSeq(): number {
    const seqs = [...this.conflicts.values()].map((c) => c.localSeq).filter((s) => s > 0);
    return seqs.length === 0 ? this.base : Math.min(...seqs) - 1;
  }
}

function idConflict(id: string, seq: number, line: number): LogFileError {
  return new LogFileError(
    'ID_CONFLICT',
    `the event with id "${id}" differs from this log's event with the same id (seq ${seq}); one id cannot name two different events.`,
    line,
  );
}

/** The events of a batch this log does not hold (by id). */
export async function eventsNotIn(db: RewindDatabase, events: readonly StoredEvent[]): Promise<StoredEvent[]> {
  const ids = events.map((e) => e.meta.id);
  const held = new Set((await db.events.where('meta.id').anyOf(ids).keys()) as string[]);
  return events.filter((e) => !held.has(e.meta.id));
}
