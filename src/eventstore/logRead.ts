import type { RewindDatabase } from './db.ts';
import { bucketOf, candidatesIn, idHash, type IdBucketRecord, type IdRunRecord } from './idIndex.ts';
import { PAGE_SIZE, lineOf, pageEvents, pageStart, pageText, pickEvents, type PageRecord } from './pages.ts';
import type { StoredEvent } from './types.ts';

/*
 * Reads of the paged layout. Each runs inside the caller's transaction when
 * there is one (pages and tail must be read in one, so a seal between the two
 * reads can neither hide nor double an event) and awaits only IndexedDB.
 */

/** The tables a read of events covers. */
export function eventTables(db: RewindDatabase) {
  return [db.pages, db.tail];
}

/** The newest seq of a database (0 when empty). */
export async function lastSeqOf(db: RewindDatabase): Promise<number> {
  const [lastTail, lastPage] = await Promise.all([db.tail.orderBy(':id').last(), db.pages.orderBy(':id').lastKey()]);
  const paged = lastPage === undefined ? 0 : (lastPage as number) + PAGE_SIZE - 1;
  return Math.max(paged, lastTail?.last ?? 0);
}

async function tailEvents(db: RewindDatabase, lo: number, hi: number): Promise<StoredEvent[]> {
  const records = await db.tail.where(':id').belowOrEqual(hi).toArray();
  const events: StoredEvent[] = [];
  for (const record of records) {
    if (record.last < lo) continue;
    for (const event of record.events) if (event.meta.seq >= lo && event.meta.seq <= hi) events.push(event);
  }
  return events;
}

async function pagesCovering(db: RewindDatabase, lo: number, hi: number): Promise<PageRecord[]> {
  if (hi < lo) return [];
  return db.pages.where(':id').between(pageStart(lo), hi, true, true).toArray();
}

/** The events of seqs lo..hi (inclusive), ascending. */
export async function readRange(db: RewindDatabase, lo: number, hi: number): Promise<StoredEvent[]> {
  const [pages, tail] = await Promise.all([pagesCovering(db, lo, hi), tailEvents(db, lo, hi)]);
  const events: StoredEvent[] = [];
  for (const page of pages) {
    const from = Math.max(lo, page.first);
    const to = Math.min(hi, page.last);
    if (from <= to) events.push(...pageEvents(page, from, to));
  }
  events.push(...tail);
  return events;
}

export interface EventLines {
  /** Canonical NDJSON: one line per event, LF after each. */
  text: string;
  firstSeq: number;
  lastSeq: number;
  count: number;
}

/** The events of seqs lo..hi as canonical lines: page text sliced, tail events stringified. */
export async function readLinesRange(db: RewindDatabase, lo: number, hi: number): Promise<EventLines> {
  const [pages, tail] = await Promise.all([pagesCovering(db, lo, hi), tailEvents(db, lo, hi)]);
  let text = '';
  let firstSeq = 0;
  let lastSeq = 0;
  let count = 0;
  for (const page of pages) {
    const from = Math.max(lo, page.first);
    const to = Math.min(hi, page.last);
    if (from > to) continue;
    text += pageText(page, from, to);
    if (count === 0) firstSeq = from;
    lastSeq = to;
    count += to - from + 1;
  }
  for (const event of tail) {
    text += lineOf(event);
    if (count === 0) firstSeq = event.meta.seq;
    lastSeq = event.meta.seq;
    count += 1;
  }
  return { text, firstSeq, lastSeq, count };
}

/** The events at these seqs, in the order given (a seq not stored is left out). */
export async function readSeqs(db: RewindDatabase, seqs: readonly number[]): Promise<StoredEvent[]> {
  if (seqs.length === 0) return [];
  const starts = [...new Set(seqs.map(pageStart))];
  const [pages, tailRecords] = await Promise.all([db.pages.bulkGet(starts), db.tail.toArray()]);
  const found = new Map<number, StoredEvent>();
  for (const record of tailRecords) for (const event of record.events) found.set(event.meta.seq, event);
  const wanted = new Map<number, number[]>();
  for (const seq of seqs) {
    const start = pageStart(seq);
    const list = wanted.get(start) ?? [];
    list.push(seq);
    wanted.set(start, list);
  }
  for (const page of pages) {
    if (!page) continue;
    const list = wanted.get(page.first)!;
    pickEvents(page, list).forEach((event, i) => found.set(list[i]!, event));
  }
  return seqs.flatMap((seq) => {
    const event = found.get(seq);
    return event ? [event] : [];
  });
}

/**
 * The id runs of a database, kept between calls: a run never changes once
 * written (a merge deletes it), so each lookup reads only the runs' keys and
 * the runs it has not seen, not up to RUNS_PER_MERGE pages of hashes.
 */
export class IdRunCache {
  private readonly runs = new Map<number, IdRunRecord>();

  async current(db: RewindDatabase): Promise<IdRunRecord[]> {
    const keys = (await db.idRuns.toCollection().primaryKeys()) as number[];
    const missing = keys.filter((key) => !this.runs.has(key));
    if (missing.length > 0) for (const run of await db.idRuns.bulkGet(missing)) if (run) this.runs.set(run.first, run);
    const present = new Set(keys);
    for (const key of this.runs.keys()) if (!present.has(key)) this.runs.delete(key);
    return keys.flatMap((key) => this.runs.get(key) ?? []);
  }
}

/** The stored events holding these ids (confirmed: a hash collision is not a match). */
export async function findIds(db: RewindDatabase, ids: readonly string[], cache = new IdRunCache()): Promise<Map<string, StoredEvent>> {
  const found = new Map<string, StoredEvent>();
  if (ids.length === 0) return found;
  const hashes = ids.map(idHash);
  const buckets = [...new Set(hashes.map(bucketOf))];
  const [runs, bucketRecords, tailRecords] = await Promise.all([cache.current(db), db.idBuckets.bulkGet(buckets), db.tail.toArray()]);
  const byBucket = new Map(bucketRecords.filter((b): b is IdBucketRecord => b !== undefined).map((b) => [b.bucket, b]));
  const wanted = new Set(ids);
  for (const record of tailRecords) for (const event of record.events) if (wanted.has(event.meta.id)) found.set(event.meta.id, event);
  const candidates = [...new Set(hashes.flatMap((hash) => candidatesIn(hash, runs, byBucket)))];
  for (const event of await readSeqs(db, candidates)) if (wanted.has(event.meta.id)) found.set(event.meta.id, event);
  return found;
}
