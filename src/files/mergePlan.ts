import { canonicalJson, type EventStore, type StoredEvent, type StreamInfo } from '../eventstore/index.ts';
import { LogFileError, type StreamConflict } from './errors.ts';
import type { RuleGate } from './ruleGate.ts';

/**
 * Two copies of one event: equal in everything but the seq, which each log assigns itself. Compared as
 * stored, never lifted by upcasters: both logs keep each event in the schema it was recorded in.
 */
function sameEvent(a: StoredEvent, b: StoredEvent): boolean {
  const strip = (e: StoredEvent) => ({ type: e.type, payload: e.payload, meta: { ...e.meta, seq: 0 } });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/** Seqs closer than this are read in one range rather than apart. */
const READ_GAP = 256;

/** The events at these seqs (any order), read in ranges: a file of this log's own past maps onto few, long ranges. */
async function readSeqs(store: EventStore, seqs: number[]): Promise<Map<number, StoredEvent>> {
  const wanted = new Set(seqs);
  const sorted = [...wanted].sort((a, b) => a - b);
  const found = new Map<number, StoredEvent>();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[j]! <= READ_GAP) j += 1;
    for (const event of await store.readAll({ fromSeq: sorted[i], toSeq: sorted[j] }))
      if (wanted.has(event.meta.seq)) found.set(event.meta.seq, event);
    i = j + 1;
  }
  return found;
}

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
    private readonly store: EventStore,
    readonly base: number,
    /** Judges the new events in the order they will be appended, from this log's state at `base`. */
    private readonly gate: RuleGate,
  ) {
    this.lastSeq = base;
  }

  /** Returns the batch's new events, positioned after this log; records conflicts. */
  async classify(events: readonly StoredEvent[], firstLine: number): Promise<StoredEvent[]> {
    const { store } = this;
    const unseen = [...new Set(events.map((e) => e.meta.stream))].filter((s) => !this.localVersions.has(s));
    const versions = await store.streamVersions(unseen);
    unseen.forEach((stream, i) => this.localVersions.set(stream, versions[i]!));
    const seqOfId = await store.hasIds(events.map((e) => e.meta.id));
    // This log's copies of the file's events it holds where the file has them, to compare their content.
    const held = events.filter((e) => e.meta.version <= this.localVersions.get(e.meta.stream)!).map((e) => seqOfId.get(e.meta.id));
    const mine = await readSeqs(store, held.filter((seq) => seq !== undefined));
    const fresh: StoredEvent[] = [];
    const diverged: StreamConflict[] = [];
    events.forEach((event, i) => {
      const positioned = this.place(event, firstLine + i, seqOfId.get(event.meta.id), mine, diverged);
      if (!positioned) return;
      // Once a stream conflicts the merge is refused; a transfer's other half may be on that stream.
      if (this.conflicts.size === 0) this.gate.check(event, firstLine + i);
      fresh.push(positioned);
    });
    // Rare (once per conflicting stream): where this log's own event at the diverging version is.
    for (const conflict of diverged) {
      const [local] = await store.readStream(conflict.stream, { fromVersion: conflict.divergesAtVersion, limit: 1 });
      conflict.localSeq = local?.meta.seq ?? 0;
    }
    return fresh;
  }

  private place(
    event: StoredEvent,
    line: number,
    heldAt: number | undefined,
    mine: Map<number, StoredEvent>,
    diverged: StreamConflict[],
  ): StoredEvent | undefined {
    const { stream, version, id } = event.meta;
    const conflict = this.conflicts.get(stream);
    if (conflict) {
      conflict.incomingVersion = version;
      return undefined;
    }
    const local = this.localVersions.get(stream)!;
    if (version <= local) {
      const copy = heldAt === undefined ? undefined : mine.get(heldAt);
      if (copy && copy.meta.stream === stream && copy.meta.version === version) {
        if (!sameEvent(copy, event)) throw idConflict(id, copy.meta.seq, line);
        this.skipped += 1;
        return undefined;
      }
      // This log holds another event at that version: both wrote to the stream.
      const found: StreamConflict = { stream, divergesAtVersion: version, localVersion: local, incomingVersion: version, localSeq: 0, incomingLine: line };
      this.conflicts.set(stream, found);
      diverged.push(found);
      return undefined;
    }
    if (heldAt !== undefined) throw idConflict(id, heldAt, line);
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

  /** After the file's last event: the new events must not end between a transfer's two halves. */
  finish(): void {
    if (this.conflicts.size === 0) this.gate.finish();
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
export async function eventsNotIn(store: EventStore, events: readonly StoredEvent[]): Promise<StoredEvent[]> {
  const held = await store.hasIds(events.map((e) => e.meta.id));
  return events.filter((e) => !held.has(e.meta.id));
}
