import type { RewindDatabase } from './db.ts';
import { RUNS_PER_MERGE, bucketOf, idHash, mergeIntoBuckets, runPairs, type IdBucketRecord, type IdRunRecord } from './idIndex.ts';
import { PAGE_SIZE, pageOf, type PageRecord, type TailRecord } from './pages.ts';
import { chunkOf, extendChunks, headChunk, streamInfo, type StreamChunkRecord, type StreamRecord } from './streamIndex.ts';
import type { TailCache } from './tailCache.ts';
import type { StoredEvent, StreamInfo } from './types.ts';

/** The tables a commit writes (and reads, for idempotency and positions). */
export function commitTables(db: RewindDatabase) {
  return [db.tail, db.pages, db.idRuns, db.idBuckets, db.streams, db.streamIndex, db.checkpoints];
}

/** What a commit already read in its transaction: stream rows, and each stream's chunk `chunk` when it was read. */
export interface CommitReads {
  rows: ReadonlyMap<string, StreamRecord | undefined>;
  chunks?: ReadonlyMap<string, { chunk: number; record: StreamChunkRecord | undefined }>;
}

/**
 * Writes positioned events (ascending seqs) and their streams' rows inside the
 * caller's transaction: one tail record for the whole commit, the stream chunks
 * the events extend, and the rows, all issued at once (one transaction: they
 * land together or not at all). `known`: what the caller already read in this
 * transaction. Returns the tail record written.
 */
export async function writeEvents(
  db: RewindDatabase,
  events: readonly StoredEvent[],
  rows: readonly StreamInfo[],
  known?: CommitReads,
): Promise<TailRecord | undefined> {
  const byStream = new Map<string, { firstVersion: number; seqs: number[] }>();
  for (const { meta } of events) {
    const group = byStream.get(meta.stream);
    if (group) group.seqs.push(meta.seq);
    else byStream.set(meta.stream, { firstVersion: meta.version, seqs: [meta.seq] });
  }
  const names = [...new Set([...byStream.keys(), ...rows.map((r) => r.stream)])];
  const stored = known ? [] : await db.streams.bulkGet(names);
  const records = known?.rows ?? new Map(names.map((name, i) => [name, stored[i]] as const));
  const groups = [...byStream];
  // A stream's current chunk (past the head) is needed to extend it; the caller may have read it already.
  const before = new Map<string, StreamChunkRecord | undefined>();
  const later: [string, number][] = [];
  for (const [stream, g] of groups) {
    const chunk = chunkOf(g.firstVersion);
    if (chunk === 0) continue;
    const read = known?.chunks?.get(stream);
    if (read?.chunk === chunk) before.set(stream, read.record);
    else later.push([stream, chunk]);
  }
  if (later.length > 0) (await db.streamIndex.bulkGet(later)).forEach((record, i) => before.set(later[i]![0], record));
  const heads = new Map<string, number[]>();
  const chunks: StreamChunkRecord[] = [];
  for (const [stream, g] of groups) {
    const start = chunkOf(g.firstVersion) > 0 ? before.get(stream) : headChunk(records.get(stream), stream);
    for (const changed of extendChunks(stream, start, g.firstVersion, g.seqs)) {
      if (changed.chunk === 0) heads.set(stream, changed.seqs);
      else chunks.push(changed);
    }
  }
  const record = events.length > 0 ? { first: events[0]!.meta.seq, last: events[events.length - 1]!.meta.seq, events: [...events] } : undefined;
  await Promise.all([
    record ? db.tail.add(record) : undefined,
    chunks.length > 0 ? db.streamIndex.bulkPut(chunks) : undefined,
    db.streams.bulkPut(rows.map((row) => ({ ...streamInfo(row), head: heads.get(row.stream) ?? records.get(row.stream)?.head ?? [] }))),
  ]);
  return record;
}

/** Whether a commit of seqs first..last completed a page (so a seal should follow). */
export function fillsPage(first: number, last: number): boolean {
  return first <= last && Math.floor(last / PAGE_SIZE) > Math.floor((first - 1) / PAGE_SIZE);
}

export function idRunOf(page: PageRecord, events: readonly StoredEvent[]): IdRunRecord {
  return { first: page.first, hashes: Float64Array.from(events, (e) => idHash(e.meta.id)) };
}

/**
 * Seals every full page the tail holds, in its own transaction: the page and
 * its id run are written and its tail records replaced by what is left. A
 * crash before this loses nothing (readers read pages, then the tail), and the
 * next seal picks the page up. Every RUNS_PER_MERGE pages the id runs are merged
 * into the id buckets, so a lookup reads a bounded number of records. With a
 * tail cache, the tail records it holds are not read again. Returns the tail as
 * the seal left it and the id runs it wrote, or undefined when there was no full
 * page to seal.
 */
export async function sealPages(db: RewindDatabase, cache?: TailCache): Promise<{ left: TailRecord[]; runs: IdRunRecord[] } | undefined> {
  return db.transaction('rw', [db.pages, db.tail, db.idRuns, db.idBuckets], async () => {
    const records = cache ? [...(await cache.view(db)).records.values()].sort((a, b) => a.first - b.first) : await db.tail.toArray();
    const events = records.flatMap((r) => r.events);
    const pages: PageRecord[] = [];
    const runs: IdRunRecord[] = [];
    let at = 0;
    while (events.length - at >= PAGE_SIZE) {
      const first = events[at]!.meta.seq;
      if ((first - 1) % PAGE_SIZE !== 0 || events[at + PAGE_SIZE - 1]!.meta.seq !== first + PAGE_SIZE - 1) break;
      const slice = events.slice(at, at + PAGE_SIZE);
      const page = pageOf(slice);
      pages.push(page);
      runs.push(idRunOf(page, slice));
      at += PAGE_SIZE;
    }
    if (pages.length === 0) return undefined;
    const rest = events.slice(at);
    const left = rest.length > 0 ? [{ first: rest[0]!.meta.seq, last: rest[rest.length - 1]!.meta.seq, events: rest }] : [];
    await db.tail.bulkDelete(records.map((r) => r.first));
    await Promise.all([db.pages.bulkAdd(pages), db.idRuns.bulkAdd(runs), db.tail.bulkAdd(left)]);
    if ((await db.idRuns.count()) >= RUNS_PER_MERGE) await mergeRuns(db);
    return { left, runs };
  });
}

async function mergeRuns(db: RewindDatabase): Promise<void> {
  const pairs = runPairs(await db.idRuns.toArray());
  const touched = [...new Set(pairs.hashes.map(bucketOf))];
  const existing = (await db.idBuckets.bulkGet(touched)).filter((b): b is IdBucketRecord => b !== undefined);
  await db.idBuckets.bulkPut(mergeIntoBuckets(new Map(existing.map((b) => [b.bucket, b])), pairs));
  await db.idRuns.clear();
}
