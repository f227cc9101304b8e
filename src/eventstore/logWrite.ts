import type { RewindDatabase } from './db.ts';
import { RUNS_PER_MERGE, bucketOf, idHash, mergeIntoBuckets, runPairs, type IdBucketRecord, type IdRunRecord } from './idIndex.ts';
import { PAGE_SIZE, pageOf, type PageRecord } from './pages.ts';
import { chunkOf, extendChunks, headChunk, streamInfo, type StreamChunkRecord, type StreamRecord } from './streamIndex.ts';
import type { StoredEvent, StreamInfo } from './types.ts';

/** The tables a commit writes (and reads, for idempotency and positions). */
export function commitTables(db: RewindDatabase) {
  return [db.tail, db.pages, db.idRuns, db.idBuckets, db.streams, db.streamIndex, db.checkpoints];
}

/**
 * Writes positioned events (ascending seqs) and their streams' rows inside the
 * caller's transaction: one tail record for the whole commit, the stream chunks
 * the events extend, then the rows (`known`: rows the caller already read in
 * this transaction). The rows come last: nothing of a commit is written after them.
 */
export async function writeEvents(
  db: RewindDatabase,
  events: readonly StoredEvent[],
  rows: readonly StreamInfo[],
  known?: ReadonlyMap<string, StreamRecord | undefined>,
): Promise<void> {
  const byStream = new Map<string, { firstVersion: number; seqs: number[] }>();
  for (const { meta } of events) {
    const group = byStream.get(meta.stream);
    if (group) group.seqs.push(meta.seq);
    else byStream.set(meta.stream, { firstVersion: meta.version, seqs: [meta.seq] });
  }
  const names = [...new Set([...byStream.keys(), ...rows.map((r) => r.stream)])];
  const stored = known ? [] : await db.streams.bulkGet(names);
  const records = known ?? new Map(names.map((name, i) => [name, stored[i]] as const));
  const groups = [...byStream];
  const later = groups.filter(([, g]) => chunkOf(g.firstVersion) > 0);
  const before = new Map<string, StreamChunkRecord | undefined>();
  const fetched = await db.streamIndex.bulkGet(later.map(([stream, g]) => [stream, chunkOf(g.firstVersion)] as [string, number]));
  later.forEach(([stream], i) => before.set(stream, fetched[i]));
  const heads = new Map<string, number[]>();
  const chunks: StreamChunkRecord[] = [];
  for (const [stream, g] of groups) {
    const start = before.get(stream) ?? headChunk(records.get(stream), stream);
    for (const chunk of extendChunks(stream, start, g.firstVersion, g.seqs)) {
      if (chunk.chunk === 0) heads.set(stream, chunk.seqs);
      else chunks.push(chunk);
    }
  }
  if (events.length > 0) await db.tail.add({ first: events[0]!.meta.seq, last: events[events.length - 1]!.meta.seq, events: [...events] });
  if (chunks.length > 0) await db.streamIndex.bulkPut(chunks);
  await db.streams.bulkPut(rows.map((row) => ({ ...streamInfo(row), head: heads.get(row.stream) ?? records.get(row.stream)?.head ?? [] })));
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
 * into the id buckets, so a lookup reads a bounded number of records.
 */
export async function sealPages(db: RewindDatabase): Promise<void> {
  await db.transaction('rw', [db.pages, db.tail, db.idRuns, db.idBuckets], async () => {
    const records = await db.tail.toArray();
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
    if (pages.length === 0) return;
    const rest = events.slice(at);
    await db.tail.bulkDelete(records.map((r) => r.first));
    await Promise.all([
      db.pages.bulkAdd(pages),
      db.idRuns.bulkAdd(runs),
      rest.length > 0 ? db.tail.add({ first: rest[0]!.meta.seq, last: rest[rest.length - 1]!.meta.seq, events: rest }) : undefined,
    ]);
    if ((await db.idRuns.count()) >= RUNS_PER_MERGE) await mergeRuns(db);
  });
}

async function mergeRuns(db: RewindDatabase): Promise<void> {
  const pairs = runPairs(await db.idRuns.toArray());
  const touched = [...new Set(pairs.hashes.map(bucketOf))];
  const existing = (await db.idBuckets.bulkGet(touched)).filter((b): b is IdBucketRecord => b !== undefined);
  await db.idBuckets.bulkPut(mergeIntoBuckets(new Map(existing.map((b) => [b.bucket, b])), pairs));
  await db.idRuns.clear();
}
