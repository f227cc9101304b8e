import { asciiJson } from '../../src/lib/asciiJson.ts';
import { inWireOrder } from './emmettMessage.ts';
import type { WireEvent } from './types.ts';

/**
 * The pull's read model: each stored event of a space as the JSON a pull
 * sends, keyed by space and position. Each backend writes its rows in the
 * transaction of Emmett's append, so it never differs from Emmett's stream;
 * a pull then reads text and joins it, instead of parsing Emmett's messages
 * and serializing them again (about five times the work).
 */
export const FEED_TABLE = 'rewind_feed';

/** The feed's columns in order. A table with other columns is a feed of another shape: dropped and filled again. */
const FEED_COLUMNS = ['space_id', 'position', 'body'] as const;

/** Whether a table found under FEED_TABLE has the columns this server writes. */
export const isCurrentFeed = (columns: readonly string[]): boolean => columns.join() === FEED_COLUMNS.join();

/** Rows per insert statement: SQLite binds at most 32,766 parameters in one. */
const FEED_INSERT_ROWS = 500;

/** An event's row: its position, and its line less the position, which the store knows only as it appends (PostgreSQL). */
export interface FeedRow {
  position: number;
  body: string;
}

/** The SQL that gives a row's line back: `{"position":N,` then the body past its `{`. */
export const FEED_LINE_SQL = `'{"position":' || position || ',' || substr(body, 2)`;

/** A run of a space's events as pull lines, oldest first; `last` is the position of the last, or `after` when none. */
export interface FeedPage {
  lines: string[];
  last: number;
  more: boolean;
}

/**
 * An event's feed body: `{"device":…,"event":…}`, the event as `fromMessage`
 * reads it back from Emmett, as JSON with every character beyond ASCII
 * escaped. ASCII text is a one-byte string in V8 at every step (the database
 * driver, the join, the response's UTF-8, the browser's decode and parse),
 * where one such character made a whole page two-byte.
 */
export function feedBody(device: string, event: WireEvent): string {
  return asciiJson(JSON.stringify({ device, event: { type: event.type, payload: event.payload, meta: inWireOrder(event.meta) } }));
}

/** Up to `limit` lines read as `limit + 1` (the extra one only says there is more), as a page. */
export function feedPage(rows: readonly { position: number; line: string }[], after: number, limit: number): FeedPage {
  const kept = rows.length > limit ? rows.slice(0, limit) : rows;
  return { lines: kept.map((row) => row.line), last: kept.at(-1)?.position ?? after, more: rows.length > limit };
}

/** Rows in groups an insert statement takes. */
export function* insertGroups<T>(rows: readonly T[]): Generator<T[]> {
  for (let at = 0; at < rows.length; at += FEED_INSERT_ROWS) yield rows.slice(at, at + FEED_INSERT_ROWS);
}
