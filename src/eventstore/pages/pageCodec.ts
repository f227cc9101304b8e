import { asciiJson, isAscii } from '../../lib/asciiJson.ts';
import { intactBytes, wordSum } from './checksum.ts';
import { DamagedEventError } from '../errors.ts';
import { eventShapeProblem } from './eventShape.ts';
import type { StoredEvent } from '../types.ts';

/**
 * Events per sealed page. Larger pages write and read a whole log faster;
 * smaller ones move fewer bytes for a stream read, which fetches one page per
 * event it needs (docs/performance.md has the figures behind 500).
 * Pages are always full, so a page's last seq is its key + EVENTS_PER_PAGE - 1.
 */
export const EVENTS_PER_PAGE = 500;

/** The last seq the sealed pages hold, from the newest page's key (0 when there is no page). */
export function sealedThrough(lastPage: number | undefined): number {
  return lastPage === undefined ? 0 : lastPage + EVENTS_PER_PAGE - 1;
}

/**
 * A sealed page: the events of seqs first..last (page k holds k*EVENTS_PER_PAGE+1 ..
 * (k+1)*EVENTS_PER_PAGE) as their canonical lines, the lines an export file carries,
 * with characters beyond ASCII escaped (asciiJson.ts; export undoes it). Pages
 * are written with the lines as `bytes`: a string with one character beyond
 * Latin-1 is stored and read by IndexedDB as UTF-16, twice the bytes, and
 * export would encode it again; bytes also read faster than text. `sum` is the bytes' checksum (checksum.ts), checked
 * on every read, so damage that still parses is found too; `marks`, the
 * running checksum every 512 bytes, are read only when it fails, to find where
 * the damage starts. A page may also hold unescaped UTF-8 `bytes`, or `text`,
 * without a checksum; every form reads alike, so a log need not be rewritten.
 */
export type PageRecord = PageBounds &
  ({ bytes: Uint8Array; text?: undefined; sum?: number; marks?: Float64Array } | { text: string; bytes?: undefined; sum?: undefined; marks?: undefined });

interface PageBounds {
  first: number;
  last: number;
  firstAt: string;
  lastAt: string;
}

/** A run of whole lines, each ending in LF: text, or its UTF-8 bytes. */
export type LinesPart = string | Uint8Array;

/** The first seq of the page that holds `seq`. */
export function pageStart(seq: number): number {
  return Math.floor((seq - 1) / EVENTS_PER_PAGE) * EVENTS_PER_PAGE + 1;
}

/** The canonical line of an event, without its LF: what a page and an export file hold. */
const lineJson = (event: StoredEvent): string => JSON.stringify({ type: event.type, payload: event.payload, meta: event.meta });

/** The canonical line of an event: what a page and an export file hold. */
export function lineOf(event: StoredEvent): string {
  return `${lineJson(event)}\n`;
}

// Not fatal: a damaged byte reads as U+FFFD, as a damaged character of a text page reads as itself.
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const LF = 0x0a;

/**
 * The page's lines are joined and encoded in one call: a call per line cost
 * twice as much. A page with a character beyond ASCII has each line made
 * ASCII on its own first (asciiJson.ts): escaping the joined text instead cost
 * twice as much again, as the joined text is walked a character at a time.
 */
export function pageOf(events: readonly StoredEvent[]): PageRecord {
  const lines = events.map(lineJson);
  let text = `${lines.join('\n')}\n`;
  if (!isAscii(text)) text = `${lines.map(asciiJson).join('\n')}\n`;
  // ASCII text: one byte per character.
  const bytes = new Uint8Array(text.length);
  encoder.encodeInto(text, bytes);
  const marks: number[] = [];
  const sum = wordSum(bytes, marks);
  return {
    first: events[0]!.meta.seq,
    last: events[events.length - 1]!.meta.seq,
    firstAt: events[0]!.meta.at,
    lastAt: events[events.length - 1]!.meta.at,
    bytes,
    sum,
    marks: Float64Array.from(marks),
  };
}

/**
 * Where each line starts, plus the end: offsets into the text, or into the
 * bytes (UTF-8 never has 0x0A inside a multi-byte character). A damaged page
 * with lines missing has fewer starts, so the lines past them read as empty.
 */
function lineStarts(lines: LinesPart): number[] {
  const starts = [0];
  if (typeof lines === 'string') for (let at = lines.indexOf('\n'); at >= 0; at = lines.indexOf('\n', at + 1)) starts.push(at + 1);
  else for (let at = lines.indexOf(LF); at >= 0; at = lines.indexOf(LF, at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * All of a page's lines, in the form it was written in, and the last seq they
 * can be trusted through: the page's last, unless its checksum fails; then the
 * last line wholly before the first block whose mark differs (see intactBytes).
 */
function storedLines(page: PageRecord): { lines: LinesPart; trusted: number } {
  if (page.bytes === undefined) return { lines: page.text, trusted: page.last };
  if (page.sum === undefined || wordSum(page.bytes) === page.sum) return { lines: page.bytes, trusted: page.last };
  const intact = page.marks ? intactBytes(page.bytes, page.marks) : 0;
  let whole = 0;
  for (let at = page.bytes.indexOf(LF); at >= 0 && at < intact; at = page.bytes.indexOf(LF, at + 1)) whole++;
  return { lines: page.bytes, trusted: page.first + whole - 1 };
}

/** Event `seq` lies where its page no longer matches its checksum. */
function untrusted(page: PageRecord, seq: number): DamagedEventError {
  return new DamagedEventError(seq, { cause: new Error(`the page of events ${page.first} to ${page.last} does not match its checksum from this event on`) });
}

/**
 * Parses the line of event `seq` and, in a page with no checksum, checks it is
 * that event. A line a checksum vouches for is the line written, and lines are
 * only written from events already checked: the check is skipped there, so a
 * replay of checksummed pages pays one sum per page, not a check per event.
 */
function parseLine(line: string, seq: number, summed: boolean): StoredEvent {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch (cause) {
    throw new DamagedEventError(seq, { cause });
  }
  const problem = summed ? undefined : eventShapeProblem(event, seq);
  if (problem) throw new DamagedEventError(seq, { cause: new Error(problem) });
  return event as StoredEvent;
}

/**
 * A page's lines for seqs from..to (inclusive, within the page), as the page
 * holds them: the page's own text or bytes when that is all of it, else a
 * slice (of bytes: a view, no copy).
 */
export function pageLines(page: PageRecord, from: number, to: number): LinesPart {
  const { lines, trusted } = storedLines(page);
  if (to > trusted) throw untrusted(page, Math.max(from, trusted + 1));
  if (from === page.first && to === page.last) return lines;
  const starts = lineStarts(lines);
  const [start, end] = [starts[from - page.first], starts[to - page.first + 1]];
  return typeof lines === 'string' ? lines.slice(start, end) : lines.subarray(start, end);
}

/** The events of a page for seqs from..to (inclusive); only those lines are decoded and parsed. */
export function pageEvents(page: PageRecord, from: number, to: number): StoredEvent[] {
  const lines = pageLines(page, from, to);
  // One decode of the whole run: a TextDecoder call per line costs more than the decoding itself.
  const text = typeof lines === 'string' ? lines : decoder.decode(lines);
  const starts = lineStarts(text);
  const events: StoredEvent[] = [];
  const summed = page.sum !== undefined;
  for (let i = 0; i <= to - from; i++) events.push(parseLine(text.slice(starts[i], starts[i + 1]! - 1), from + i, summed));
  return events;
}

/**
 * A page's lines for seqs from..to, as `pageLines` gives them, for a file: a
 * page with a checksum was checked whole; a page without one has each line
 * parsed and checked, so damage is never copied into a file.
 */
export function checkedLines(page: PageRecord, from: number, to: number): LinesPart {
  const lines = pageLines(page, from, to);
  if (page.sum !== undefined) return lines;
  pageEvents(page, from, to);
  // Reading turns bytes that are not UTF-8 into U+FFFD; a file would carry them as they are.
  if (typeof lines !== 'string') assertUtf8(lines, from);
  return lines;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Throws DamagedEventError for the first line (event `from` onwards) whose bytes are not UTF-8. */
function assertUtf8(lines: Uint8Array, from: number): void {
  try {
    strictDecoder.decode(lines);
    return;
  } catch {
    // Found below, line by line: no valid UTF-8 sequence spans an LF.
  }
  for (let start = 0, seq = from; start < lines.length; seq++) {
    const end = lines.indexOf(LF, start);
    try {
      strictDecoder.decode(lines.subarray(start, end < 0 ? lines.length : end));
    } catch (cause) {
      throw new DamagedEventError(seq, { cause: new Error('its bytes are not UTF-8', { cause }) });
    }
    start = end < 0 ? lines.length : end + 1;
  }
  throw new DamagedEventError(from, { cause: new Error('its bytes are not UTF-8') });
}

/** Picks single seqs out of a page (any order, each within the page). */
export function pickEvents(page: PageRecord, seqs: readonly number[]): StoredEvent[] {
  const { lines, trusted } = storedLines(page);
  const starts = lineStarts(lines);
  return seqs.map((seq) => {
    if (seq > trusted) throw untrusted(page, seq);
    const [start, end] = [starts[seq - page.first], starts[seq - page.first + 1]! - 1];
    return parseLine(typeof lines === 'string' ? lines.slice(start, end) : decoder.decode(lines.subarray(start, end)), seq, page.sum !== undefined);
  });
}
