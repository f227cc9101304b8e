import type { RewindDatabase } from '../storage/database.ts';
import { RUNS_PER_MERGE, bucketOf, idHash, mergeIntoBuckets, runPairs, type IdBucketRecord, type IdRunRecord } from '../indexes/idRecords.ts';
import { EVENTS_PER_PAGE, pageOf, type PageRecord } from '../pages/pageCodec.ts';
import {
  STREAM_RUNS_PER_MERGE,
  bucketsOf,
  chunkOf,
  extendRecords,
  positionsOf,
  runEntries,
  streamBucketOf,
  streamRunOf,
  type StreamBucketRecord,
  type StreamChunkRecord,
  type StreamRecord,
  type StreamRunRecord,
} from '../indexes/streamRecords.ts';
import { checkedTailRecord, tailRecordOf, type TailRecord } from '../pages/tailCodec.ts';
import type { StoredEvent } from '../types.ts';
import type { TailCache } from '../storage/tailCache.ts';

/*
 * Sealing: moving full pages of events out of the tail into sealed pages, with
 * their id and stream runs, after the commit that filled them.
 */

/** Whether a commit of these events (ascending seqs) completed a page, so a seal should follow. */
export function fillsPage(events: readonly StoredEvent[]): boolean {
  if (events.length === 0) return false;
  const first = events[0]!.meta.seq;
  const last = events[events.length - 1]!.meta.seq;
  return first <= last && Math.floor(last / EVENTS_PER_PAGE) > Math.floor((first - 1) / EVENTS_PER_PAGE);
}

export function idRunOf(page: PageRecord, events: readonly StoredEvent[]): IdRunRecord {
  return { first: page.first, hashes: Float64Array.from(events, (e) => idHash(e.meta.id)) };
}

/** What a seal wrote: the tail it left, its id runs, and the stream buckets when it merged the stream runs. */
export interface SealedPages {
  left: TailRecord[];
  runs: IdRunRecord[];
  streams?: MergedStreams;
}

export interface MergedStreams {
  /** The last seq the buckets held before, and hold now. */
  from: number;
  through: number;
  written: StreamBucketRecord[];
}

/**
 * Seals every full page the tail holds, in its own transaction: the page, its
 * id run and its stream run are written and its tail records replaced by what
 * is left. A crash before this loses nothing (readers read pages, then the
 * tail), and the next seal picks the page up. Every RUNS_PER_MERGE pages the id
 * runs are merged into the id buckets, and every STREAM_RUNS_PER_MERGE the
 * stream runs into the stream buckets, so a lookup reads a bounded number of
 * records. With a tail cache, the tail records it holds are not read again.
 * Returns undefined when there was no full page to seal.
 */
export async function sealPages(db: RewindDatabase, cache?: TailCache): Promise<SealedPages | undefined> {
  return db.transaction('rw', [db.pages, db.tail, db.idRuns, db.idBuckets, db.streamRuns, db.streamBuckets, db.streamIndex], async () => {
    // Checked (the cache checks what it reads): a damaged record must never be sealed into a page with a fresh checksum.
    const records = cache ? [...(await cache.view(db)).records.values()].sort((a, b) => a.first - b.first) : (await db.tail.toArray()).map(checkedTailRecord);
    const events = records.flatMap((r) => r.events);
    const pages: PageRecord[] = [];
    const runs: IdRunRecord[] = [];
    const streamRuns: StreamRunRecord[] = [];
    let at = 0;
    while (events.length - at >= EVENTS_PER_PAGE) {
      const first = events[at]!.meta.seq;
      if ((first - 1) % EVENTS_PER_PAGE !== 0 || events[at + EVENTS_PER_PAGE - 1]!.meta.seq !== first + EVENTS_PER_PAGE - 1) break;
      const slice = events.slice(at, at + EVENTS_PER_PAGE);
      const page = pageOf(slice);
      pages.push(page);
      runs.push(idRunOf(page, slice));
      streamRuns.push(streamRunOf(first, slice));
      at += EVENTS_PER_PAGE;
    }
    if (pages.length === 0) return undefined;
    const rest = events.slice(at);
    const left = rest.length > 0 ? [tailRecordOf(rest)] : [];
    await db.tail.bulkDelete(records.map((r) => r.first));
    await Promise.all([db.pages.bulkAdd(pages), db.idRuns.bulkAdd(runs), db.streamRuns.bulkAdd(streamRuns), db.tail.bulkAdd(left)]);
    const [idRuns, pendingStreamRuns] = await Promise.all([db.idRuns.count(), db.streamRuns.count()]);
    if (idRuns >= RUNS_PER_MERGE) await mergeRuns(db);
    const streams = pendingStreamRuns >= STREAM_RUNS_PER_MERGE ? await mergeStreamRuns(db) : undefined;
    return { left, runs, streams };
  });
}

async function mergeRuns(db: RewindDatabase): Promise<void> {
  const pairs = runPairs(await db.idRuns.toArray());
  const touched = [...new Set(pairs.hashes.map(bucketOf))];
  const existing = (await db.idBuckets.bulkGet(touched)).filter((b): b is IdBucketRecord => b !== undefined);
  await db.idBuckets.bulkPut(mergeIntoBuckets(new Map(existing.map((b) => [b.bucket, b])), pairs));
  await db.idRuns.clear();
}

/** Moves every stream run into the stream buckets (and chunks past the heads), in the caller's transaction. */
export async function mergeStreamRuns(db: RewindDatabase): Promise<MergedStreams | undefined> {
  const runs = await db.streamRuns.toArray();
  if (runs.length === 0) return undefined;
  const positions = positionsOf(
    (function* () {
      for (const run of runs) yield* runEntries(run);
    })(),
  );
  const touched = [...new Set([...positions.keys()].map(streamBucketOf))];
  const beyondHead = [...positions].filter(([, p]) => chunkOf(p.fromVersion) > 0).map(([stream, p]) => [stream, chunkOf(p.fromVersion)] as [string, number]);
  const [buckets, stored] = await Promise.all([db.streamBuckets.bulkGet(touched), beyondHead.length > 0 ? db.streamIndex.bulkGet(beyondHead) : []]);
  const records = new Map<string, StreamRecord>();
  for (const bucket of buckets) if (bucket) for (const [name, record] of bucket.streams) records.set(name, record);
  const chunkAt = new Map<string, StreamChunkRecord>();
  for (const chunk of stored) if (chunk) chunkAt.set(`${chunk.chunk}:${chunk.stream}`, chunk);
  const chunks = extendRecords(records, positions, (stream, chunk) => chunkAt.get(`${chunk}:${stream}`));
  const written = bucketsOf(records.values());
  await Promise.all([db.streamBuckets.bulkPut(written), chunks.length > 0 ? db.streamIndex.bulkPut(chunks) : undefined, db.streamRuns.clear()]);
  return { from: runs[0]!.first - 1, through: runs[runs.length - 1]!.first + EVENTS_PER_PAGE - 1, written };
}
