import { lastPageKey, type RewindDatabase } from '../storage/database.ts';
import { bucketedEnd } from '../indexes/bucketedEnd.ts';
import {
  CHUNK,
  chunkOf,
  headChunk,
  lastVersion,
  positionsOf,
  runEntries,
  seqsOf,
  streamBucketOf,
  streamInfo,
  type Positions,
  type StreamBucketRecord,
  type StreamChunkRecord,
  type StreamRecord,
  type StreamRunRecord,
} from '../indexes/streamRecords.ts';
import type { TailView } from '../storage/tailCache.ts';
import type { StreamInfo } from '../types.ts';

/** A sealed page's stream run, by stream. */
interface IndexedRun {
  first: number;
  positions: Map<string, Positions>;
}

/** The tables a stream lookup reads (pages: where the buckets end when no run is left). */
export function streamTables(db: RewindDatabase) {
  return [db.streamRuns, db.streamBuckets, db.streamIndex, db.pages, db.tail];
}

/** The streams as one transaction sees them: buckets, then runs, then the tail, newest last. */
export class StreamsView {
  constructor(
    private readonly buckets: ReadonlyMap<number, ReadonlyMap<string, StreamRecord>>,
    /** Each stream's positions in the runs, oldest run first. */
    private readonly runs: ReadonlyMap<string, readonly Positions[]>,
    private readonly tail: ReadonlyMap<string, Positions>,
  ) {}

  /** The stream's version and last seq (undefined when it has no event). */
  info(stream: string): StreamInfo | undefined {
    const later = this.later(stream);
    if (later.length > 0) {
      const newest = later[later.length - 1]!;
      return { stream, version: lastVersion(newest), lastSeq: newest.seqs[newest.seqs.length - 1]! };
    }
    const record = this.bucketed(stream);
    return record && streamInfo(record);
  }

  version(stream: string): number {
    return this.info(stream)?.version ?? 0;
  }

  /** Every stream there is. */
  all(): StreamInfo[] {
    const names = new Set<string>();
    for (const bucket of this.buckets.values()) for (const name of bucket.keys()) names.add(name);
    for (const name of this.runs.keys()) names.add(name);
    for (const name of this.tail.keys()) names.add(name);
    return [...names].map((name) => this.info(name)!);
  }

  /**
   * The seqs of the stream's versions lo..hi (within its version), ascending:
   * from runs and tail, else from the bucket's head and the chunks past it,
   * which are read only when the range needs them.
   */
  async seqs(db: RewindDatabase, stream: string, lo: number, hi: number): Promise<number[]> {
    const recent = new Map<number, number>();
    for (const { fromVersion, seqs } of this.later(stream)) seqs.forEach((seq, i) => recent.set(fromVersion + i, seq));
    const record = this.bucketed(stream);
    const bucketedTop = Math.min(hi, record?.version ?? 0);
    let chunks: StreamChunkRecord[] = [headChunk(record, stream)];
    if (bucketedTop > CHUNK && lo <= bucketedTop) {
      const stored = await db.streamIndex
        .where('[stream+chunk]')
        .between([stream, Math.max(1, chunkOf(lo))], [stream, chunkOf(bucketedTop)], true, true)
        .toArray();
      chunks = [...chunks, ...stored];
    }
    const old = lo <= bucketedTop ? seqsOf(chunks, lo, bucketedTop) : [];
    const seqs: number[] = [];
    for (let version = lo; version <= hi; version++) {
      const seq = recent.get(version) ?? old[version - lo];
      if (seq === undefined) break;
      seqs.push(seq);
    }
    return seqs;
  }

  private bucketed(stream: string): StreamRecord | undefined {
    return this.buckets.get(streamBucketOf(stream))?.get(stream);
  }

  private later(stream: string): readonly Positions[] {
    const inRuns = this.runs.get(stream) ?? [];
    const tail = this.tail.get(stream);
    return tail ? [...inRuns, tail] : inRuns;
  }
}

const tailPositions = new WeakMap<object, Map<string, Positions>>();

/** The tail's events as stream positions, worked out once per tail state. */
function positionsInTail(tail: TailView): Map<string, Positions> {
  let positions = tailPositions.get(tail.records);
  if (!positions) {
    const records = [...tail.records.values()].sort((a, b) => a.first - b.first);
    positions = positionsOf(
      (function* () {
        for (const record of records) for (const { meta } of record.events) yield { stream: meta.stream, version: meta.version, seq: meta.seq };
      })(),
    );
    tailPositions.set(tail.records, positions);
  }
  return positions;
}

/**
 * What one store keeps in memory of the stream index between transactions, so
 * a commit reads only the keys of the runs and the records it has not seen:
 * - runs never change once written (a merge deletes them all at once);
 * - buckets change only when a merge moves runs into them, which also moves
 *   where the buckets end (the first run's key, or the last page when no run
 *   is left): buckets read at one end are trusted while the end stays put.
 */
export class StreamLookup {
  private readonly runs = new Map<number, IndexedRun>();
  private indexed: { key: string; byStream: Map<string, Positions[]> } | undefined;
  private buckets = { through: -1, held: new Map<number, Map<string, StreamRecord>>() };

  /**
   * The streams as this transaction sees them, with the buckets of `streams`
   * loaded (every bucket for 'all'); call inside a transaction covering
   * streamTables(db), with the tail view of the same transaction.
   */
  async view(db: RewindDatabase, tail: TailView, streams: readonly string[] | 'all'): Promise<StreamsView> {
    return (await this.sealed(db, streams))(tail);
  }

  /**
   * The sealed part of view(), which needs no tail view, so a commit reads it
   * alongside the tail: returns a function that completes the view with the
   * tail of the same transaction.
   */
  async sealed(
    db: RewindDatabase,
    streams: readonly string[] | 'all',
    lastPage?: Promise<number | undefined>,
  ): Promise<(tail: TailView) => StreamsView> {
    const keys = (await db.streamRuns.toCollection().primaryKeys()) as number[];
    const through = await bucketsEnd(db, keys, lastPage);
    const held = keys.map((key) => this.runs.get(key));
    const missing = keys.filter((_, i) => held[i] === undefined);
    const [fetched, buckets] = await Promise.all([
      missing.length > 0 ? db.streamRuns.bulkGet(missing) : ([] as (StreamRunRecord | undefined)[]),
      this.bucketsFor(db, through, streams === 'all' ? 'all' : [...new Set(streams.map(streamBucketOf))]),
    ]);
    const runs = [...held.filter((run) => run !== undefined), ...fetched.filter((run): run is StreamRunRecord => run !== undefined).map(indexRun)];
    runs.sort((a, b) => a.first - b.first);
    for (const run of runs) this.runs.set(run.first, run);
    // Merged runs are gone for good; a view older than the cache may lack newer runs, which stay.
    const newest = keys.length > 0 ? keys[keys.length - 1]! : through;
    const present = new Set(keys);
    for (const key of [...this.runs.keys()]) if (key < newest && !present.has(key)) this.runs.delete(key);
    const byStream = this.byStream(runs);
    return (tail) => new StreamsView(buckets, byStream, positionsInTail(tail));
  }

  /** The runs' positions by stream, worked out again only when the set of runs changes (at a seal or a merge). */
  private byStream(runs: readonly IndexedRun[]): ReadonlyMap<string, readonly Positions[]> {
    const key = runs.map((run) => run.first).join(',');
    if (this.indexed?.key !== key) {
      const byStream = new Map<string, Positions[]>();
      for (const run of runs) {
        for (const [stream, positions] of run.positions) {
          const list = byStream.get(stream);
          if (list) list.push(positions);
          else byStream.set(stream, [positions]);
        }
      }
      this.indexed = { key, byStream };
    }
    return this.indexed.byStream;
  }

  /**
   * This store merged the runs after `from` into buckets now ending at
   * `through`: the buckets it wrote are current, and so are the ones the merge
   * left alone if they were read when the buckets ended at `from`.
   */
  merged(from: number, through: number, written: readonly StreamBucketRecord[]): void {
    if (through < this.buckets.through) return;
    const held = this.buckets.through === from ? new Map(this.buckets.held) : new Map<number, Map<string, StreamRecord>>();
    for (const bucket of written) held.set(bucket.bucket, bucket.streams);
    this.buckets = { through, held };
    this.runs.clear();
  }

  /**
   * Reads these buckets into memory ahead of the commits that will need them;
   * call inside a transaction covering streamTables(db).
   */
  async warm(db: RewindDatabase, buckets: readonly number[]): Promise<void> {
    const keys = (await db.streamRuns.toCollection().primaryKeys()) as number[];
    await this.bucketsFor(db, await bucketsEnd(db, keys), buckets);
  }

  private async bucketsFor(db: RewindDatabase, through: number, buckets: readonly number[] | 'all'): Promise<ReadonlyMap<number, Map<string, StreamRecord>>> {
    // A newer end: whatever was held is out of date. An older one (a transaction that began before this
    // store saw a merge): read into a map of its own, leaving the newer cache alone.
    if (through > this.buckets.through) this.buckets = { through, held: new Map() };
    const held = through === this.buckets.through ? this.buckets.held : new Map<number, Map<string, StreamRecord>>();
    if (buckets === 'all') {
      for (const bucket of await db.streamBuckets.toArray()) held.set(bucket.bucket, bucket.streams);
      return held;
    }
    const wanted = buckets.filter((bucket) => !held.has(bucket));
    if (wanted.length > 0) {
      const records = await db.streamBuckets.bulkGet(wanted);
      wanted.forEach((bucket, i) => held.set(bucket, records[i]?.streams ?? new Map()));
    }
    return held;
  }
}

function indexRun(run: StreamRunRecord): IndexedRun {
  return { first: run.first, positions: positionsOf(runEntries(run)) };
}

/** The last seq the buckets hold (the page before bucketedEnd); reads the pages only when every run is merged. */
async function bucketsEnd(db: RewindDatabase, runKeys: readonly number[], lastPage?: Promise<number | undefined>): Promise<number> {
  return bucketedEnd(runKeys, runKeys.length > 0 ? undefined : await (lastPage ?? lastPageKey(db))) - 1;
}
