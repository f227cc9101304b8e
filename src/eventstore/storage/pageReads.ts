import { utf8Json } from '../pages/asciiJson.ts';
import { lastPageKey, type RewindDatabase } from './database.ts';
import type { PageCache } from './pageCache.ts';
import { checkedLines, lineOf, pageEvents, pageStart, pickEvents, sealedThrough, type LinesPart, type PageRecord } from '../pages/pageCodec.ts';
import { tailEnd, tailEventsOf, type TailRecord } from '../pages/tailCodec.ts';
import type { StoredEvent } from '../types.ts';

/*
 * Reads of the paged layout. Each runs inside the caller's transaction when
 * there is one (pages and tail must be read in one, so a seal between the two
 * reads can neither hide nor double an event) and awaits only IndexedDB.
 */

/** The tables a read of events covers. */
export function eventTables(db: RewindDatabase) {
  return [db.pages, db.tail];
}

/** The newest seq of a database (0 when empty). `lastPage` is the newest page's key when the caller has already asked for it. */
export async function lastSeqOf(db: RewindDatabase, lastPage: Promise<number | undefined> = lastPageKey(db)): Promise<number> {
  const [lastTail, pageKey] = await Promise.all([db.tail.orderBy(':id').last(), lastPage]);
  return Math.max(sealedThrough(pageKey), lastTail ? tailEnd(lastTail) : 0);
}

async function tailEvents(db: RewindDatabase, lo: number, hi: number): Promise<StoredEvent[]> {
  // Keys first (no values read): the tail can hold hundreds of events, and a subscription reading the few
  // newest ones must not deserialise all of them. Records hold consecutive commits, so the one holding `lo`
  // is the last whose first seq is at or before it.
  const keys = (await db.tail.where(':id').belowOrEqual(hi).primaryKeys()) as number[];
  let from = 0;
  for (let i = keys.length - 1; i >= 0; i--) {
    if (keys[i]! <= lo) {
      from = i;
      break;
    }
  }
  const records = (await db.tail.bulkGet(keys.slice(from))).filter((r): r is TailRecord => r !== undefined);
  const events: StoredEvent[] = [];
  for (const record of records) if (tailEnd(record) >= lo) events.push(...tailEventsOf(record, lo, hi));
  return events;
}

async function pagesCovering(db: RewindDatabase, lo: number, hi: number, cache?: PageCache): Promise<PageRecord[]> {
  if (hi < lo) return [];
  const cached = cache?.covering(lo, hi);
  if (cached) return cached;
  const pages = await db.pages.where(':id').between(pageStart(lo), hi, true, true).toArray();
  cache?.put(pages);
  return pages;
}

/** The events of seqs lo..hi (inclusive), ascending; sealed pages from `cache` when it holds them all. */
export async function readRange(db: RewindDatabase, lo: number, hi: number, cache?: PageCache): Promise<StoredEvent[]> {
  const [pages, tail] = await Promise.all([pagesCovering(db, lo, hi, cache), tailEvents(db, lo, hi)]);
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
  /**
   * Canonical NDJSON, one line per event, LF after each, in the pieces the
   * store holds them (a page's UTF-8 bytes or, for a page of text, its
   * text; a slice of one; the tail's lines as text): joining them
   * would copy every byte once more for nothing, and a joined text of
   * megabytes lives on the JS heap until a full collection. Every read gives
   * new parts, the caller's own: export hands their buffers to its worker.
   */
  parts: LinesPart[];
  firstSeq: number;
  lastSeq: number;
  count: number;
}

/** The events of seqs lo..hi as canonical lines: pages' lines (sliced at the ends, escapes undone), tail events stringified. */
export async function readLinesRange(db: RewindDatabase, lo: number, hi: number): Promise<EventLines> {
  const [pages, tail] = await Promise.all([pagesCovering(db, lo, hi), tailEvents(db, lo, hi)]);
  const parts: LinesPart[] = [];
  let firstSeq = 0;
  let lastSeq = 0;
  let count = 0;
  for (const page of pages) {
    const from = Math.max(lo, page.first);
    const to = Math.min(hi, page.last);
    if (from > to) continue;
    const lines = checkedLines(page, from, to);
    // A page's lines are ASCII (asciiJson); a file's are as JSON.stringify writes them.
    parts.push(typeof lines === 'string' ? lines : utf8Json(lines));
    if (count === 0) firstSeq = from;
    lastSeq = to;
    count += to - from + 1;
  }
  let tailText = '';
  for (const event of tail) {
    tailText += lineOf(event);
    if (count === 0) firstSeq = event.meta.seq;
    lastSeq = event.meta.seq;
    count += 1;
  }
  if (tailText) parts.push(tailText);
  return { parts, firstSeq, lastSeq, count };
}

/** The pages starting at `starts` (undefined where none is sealed yet), from `cache` where it has them. */
async function pagesAt(db: RewindDatabase, starts: readonly number[], cache?: PageCache): Promise<(PageRecord | undefined)[]> {
  if (!cache) return db.pages.bulkGet([...starts]);
  const pages = starts.map((start) => cache.get(start));
  const missing = starts.filter((_, i) => pages[i] === undefined);
  if (missing.length === 0) return pages;
  const read = await db.pages.bulkGet(missing);
  cache.put(read);
  const byStart = new Map(read.flatMap((page) => (page ? [[page.first, page] as const] : [])));
  return starts.map((start, i) => pages[i] ?? byStart.get(start));
}

/**
 * The events at these seqs, in the order given (a seq not stored is left out).
 * `tail`: the tail records as this transaction sees them, when the caller has
 * them (saves reading every tail record); `[]` when the seqs are all sealed.
 */
export async function readSeqs(db: RewindDatabase, seqs: readonly number[], tail?: Iterable<TailRecord>, cache?: PageCache): Promise<StoredEvent[]> {
  if (seqs.length === 0) return [];
  const starts = [...new Set(seqs.map(pageStart))];
  const [pages, tailRecords] = await Promise.all([pagesAt(db, starts, cache), tail ?? db.tail.toArray()]);
  const found = new Map<number, StoredEvent>();
  const wantedSeqs = new Set(seqs);
  // Only the events asked for are checked: damage elsewhere in the tail does not fail this read.
  for (const record of tailRecords) {
    const end = tailEnd(record);
    for (let seq = record.first; seq <= end; seq++) if (wantedSeqs.has(seq)) found.set(seq, tailEventsOf(record, seq, seq)[0]!);
  }
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
