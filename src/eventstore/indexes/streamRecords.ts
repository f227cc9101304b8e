import { idHash } from './idRecords.ts';
import type { StoredEvent, StreamInfo } from '../types.ts';

/*
 * The stream index: each stream's version, last seq and the seq of every
 * version, without a record per stream in the write path. Chromium pays
 * for every record written (see idRecords.ts), and a burst of commands
 * touches a different account stream per command, so a commit writes nothing
 * here: its events in the tail say where they went. Like the id index:
 * - `streamRuns`: a seal writes one record per page, each event's stream and version;
 * - `streamBuckets`: every STREAM_RUNS_PER_MERGE runs are merged into
 *   STREAM_BUCKETS records by a hash of the stream name; a bucket holds each of
 *   its streams' version, last seq and first CHUNK seqs (its head);
 * - `streamIndex`: the seqs of versions past the head, CHUNK to a record, for
 *   the few long streams (written by merges only).
 * A stream's newest position is in the tail, else in the newest run holding
 * it, else in its bucket.
 */

export const CHUNK = 256;
export const STREAM_BUCKETS = 256;
/** Runs (pages) kept unmerged: a lookup keeps them in memory, a merge rewrites the touched buckets. */
export const STREAM_RUNS_PER_MERGE = 64;

/** A stream as a bucket holds it: the public StreamInfo plus the seqs of its first CHUNK versions. */
export interface StreamRecord extends StreamInfo {
  head: number[];
}

export interface StreamBucketRecord {
  bucket: number;
  streams: Map<string, StreamRecord>;
}

/** One sealed page's events as stream positions: event i (seq first + i) is version versions[i] of streams[i]. */
export interface StreamRunRecord {
  first: number;
  streams: string[];
  versions: number[];
}

export interface StreamChunkRecord {
  stream: string;
  chunk: number;
  /** seqs[i] is the seq of version chunk*CHUNK + 1 + i. */
  seqs: number[];
}

/** Consecutive versions of one stream, from `fromVersion` on, and their seqs. */
export interface Positions {
  fromVersion: number;
  seqs: number[];
}

export function streamBucketOf(stream: string): number {
  return Math.floor(idHash(stream) / 0x200000) % STREAM_BUCKETS;
}

/** The public part of a stream record. */
export function streamInfo({ stream, version, lastSeq }: StreamInfo): StreamInfo {
  return { stream, version, lastSeq };
}

export function lastVersion(positions: Positions): number {
  return positions.fromVersion + positions.seqs.length - 1;
}

/** The run a seal writes for a page of events. */
export function streamRunOf(first: number, events: readonly StoredEvent[]): StreamRunRecord {
  return { first, streams: events.map((e) => e.meta.stream), versions: events.map((e) => e.meta.version) };
}

/**
 * Each stream's positions among events in seq order (a page's run, the tail).
 * A stream's versions in a contiguous stretch of the log are consecutive.
 */
export function positionsOf(entries: Iterable<{ stream: string; version: number; seq: number }>): Map<string, Positions> {
  const byStream = new Map<string, Positions>();
  for (const { stream, version, seq } of entries) {
    const positions = byStream.get(stream);
    if (positions) positions.seqs.push(seq);
    else byStream.set(stream, { fromVersion: version, seqs: [seq] });
  }
  return byStream;
}

export function* runEntries(run: StreamRunRecord): Generator<{ stream: string; version: number; seq: number }> {
  for (let i = 0; i < run.streams.length; i++) yield { stream: run.streams[i]!, version: run.versions[i]!, seq: run.first + i };
}

export function chunkOf(version: number): number {
  return Math.floor((version - 1) / CHUNK);
}

/** A stream record's head as a chunk, for reading and extending like the others. */
export function headChunk(record: StreamRecord | undefined, stream: string): StreamChunkRecord {
  return { stream, chunk: 0, seqs: record?.head ?? [] };
}

/**
 * The chunks that change when versions from `fromVersion` on get these seqs;
 * `before` is the stream's chunk that holds fromVersion, if stored. Setting a
 * version's seq again to the same value changes nothing, so merging a run
 * twice is harmless.
 */
export function extendChunks(stream: string, before: StreamChunkRecord | undefined, fromVersion: number, seqs: readonly number[]): StreamChunkRecord[] {
  const changed: StreamChunkRecord[] = [];
  let current = before && before.chunk === chunkOf(fromVersion) ? { ...before, seqs: [...before.seqs] } : undefined;
  seqs.forEach((seq, i) => {
    const version = fromVersion + i;
    const chunk = chunkOf(version);
    if (!current || current.chunk !== chunk) {
      current = { stream, chunk, seqs: [] };
      changed.push(current);
    } else if (changed.length === 0) {
      changed.push(current);
    }
    current.seqs[version - 1 - chunk * CHUNK] = seq;
  });
  return changed;
}

/** The seqs of versions lo..hi from the chunks that cover them (stops at the first version not found). */
export function seqsOf(chunks: readonly StreamChunkRecord[], lo: number, hi: number): number[] {
  const byChunk = new Map(chunks.map((c) => [c.chunk, c.seqs]));
  const seqs: number[] = [];
  for (let version = lo; version <= hi; version++) {
    const chunk = chunkOf(version);
    const seq = byChunk.get(chunk)?.[version - 1 - chunk * CHUNK];
    if (seq === undefined) break;
    seqs.push(seq);
  }
  return seqs;
}

/**
 * Streams' positions folded into records and chunks: `records` are the
 * current records of the streams (changed in place), `chunkAt` a stream's
 * stored chunk holding a version past the head. Returns the chunks past the
 * head that changed.
 */
export function extendRecords(
  records: Map<string, StreamRecord>,
  positions: ReadonlyMap<string, Positions>,
  chunkAt: (stream: string, chunk: number) => StreamChunkRecord | undefined,
): StreamChunkRecord[] {
  const chunks: StreamChunkRecord[] = [];
  for (const [stream, { fromVersion, seqs }] of positions) {
    const record = records.get(stream);
    const start = chunkOf(fromVersion) > 0 ? chunkAt(stream, chunkOf(fromVersion)) : headChunk(record, stream);
    let head = record?.head ?? [];
    for (const changed of extendChunks(stream, start, fromVersion, seqs)) {
      if (changed.chunk === 0) head = changed.seqs;
      else chunks.push(changed);
    }
    const version = fromVersion + seqs.length - 1;
    records.set(stream, {
      stream,
      version: Math.max(version, record?.version ?? 0),
      lastSeq: Math.max(seqs[seqs.length - 1]!, record?.lastSeq ?? 0),
      head,
    });
  }
  return chunks;
}

/** Stream records grouped into bucket records. */
export function bucketsOf(records: Iterable<StreamRecord>): StreamBucketRecord[] {
  const buckets = new Map<number, StreamBucketRecord>();
  for (const record of records) {
    const bucket = streamBucketOf(record.stream);
    let held = buckets.get(bucket);
    if (!held) buckets.set(bucket, (held = { bucket, streams: new Map() }));
    held.streams.set(record.stream, record);
  }
  return [...buckets.values()];
}
