import type { StoredEvent } from './types.ts';

/**
 * Events per sealed page. Measured in Chromium (persistent profile, 200k events
 * of ~290 bytes): pages of 256 wrote at 109k events/s and read (getAll, split,
 * JSON.parse) at 117k/s; 500: 275k/s and 190k/s; 1000: 334k/s and 217k/s. 500
 * keeps the import's writes far above 100k events/s while a stream read, which
 * fetches one page per event it needs, moves half the bytes 1000 would.
 * Pages are always full, so a page's last seq is its key + PAGE_SIZE - 1.
 */
export const PAGE_SIZE = 500;

/**
 * A sealed page: the events of seqs first..last (page k holds k*PAGE_SIZE+1 ..
 * (k+1)*PAGE_SIZE) as their canonical lines, exactly the lines an export file carries.
 */
export interface PageRecord {
  first: number;
  last: number;
  firstAt: string;
  lastAt: string;
  text: string;
}

/** One commit's events not yet sealed into a page (the write-ahead tail), keyed by its first seq. */
export interface TailRecord {
  first: number;
  last: number;
  events: StoredEvent[];
}

/** The first seq of the page that holds `seq`. */
export function pageStart(seq: number): number {
  return Math.floor((seq - 1) / PAGE_SIZE) * PAGE_SIZE + 1;
}

/** The canonical line of an event: what a page and an export file hold. */
export function lineOf(event: StoredEvent): string {
  return `${JSON.stringify({ type: event.type, payload: event.payload, meta: event.meta })}\n`;
}

export function pageOf(events: readonly StoredEvent[]): PageRecord {
  let text = '';
  for (const event of events) text += lineOf(event);
  return {
    first: events[0]!.meta.seq,
    last: events[events.length - 1]!.meta.seq,
    firstAt: events[0]!.meta.at,
    lastAt: events[events.length - 1]!.meta.at,
    text,
  };
}

/** Where each line of a page starts, plus the end of the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** A page's lines for seqs from..to (inclusive, within the page), as one string. */
export function pageText(page: PageRecord, from: number, to: number): string {
  if (from === page.first && to === page.last) return page.text;
  const starts = lineStarts(page.text);
  return page.text.slice(starts[from - page.first], starts[to - page.first + 1]);
}

/** The events of a page for seqs from..to (inclusive); only those lines are parsed. */
export function pageEvents(page: PageRecord, from: number, to: number): StoredEvent[] {
  const starts = lineStarts(page.text);
  const events: StoredEvent[] = [];
  for (let seq = from; seq <= to; seq++) {
    events.push(JSON.parse(page.text.slice(starts[seq - page.first], starts[seq - page.first + 1]! - 1)) as StoredEvent);
  }
  return events;
}

/** Picks single seqs out of a page (any order, each within the page). */
export function pickEvents(page: PageRecord, seqs: readonly number[]): StoredEvent[] {
  const starts = lineStarts(page.text);
  return seqs.map((seq) => JSON.parse(page.text.slice(starts[seq - page.first], starts[seq - page.first + 1]! - 1)) as StoredEvent);
}
