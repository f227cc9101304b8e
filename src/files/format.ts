/**
 * The Rewind log file format (docs/file-format.md, docs/log-file.schema.json):
 * NDJSON, UTF-8, LF. Line 1 is a header, then one stored event per line in seq order.
 */

export const FORMAT_NAME = 'rewind-log';
/** The format version this code writes; it reads this one and every older one it can migrate. */
export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.ndjson';
export const MEDIA_TYPE = 'application/x-ndjson';

/** What part of the log a file holds. */
export type LogSelection =
  | { kind: 'all' }
  /** Every event with fromSeq <= seq <= toSeq. */
  | { kind: 'seq'; fromSeq: number; toSeq: number }
  /** Every event from the first recorded at or after `from` to the last recorded at or before `to` (ISO-8601 UTC). */
  | { kind: 'time'; from: string; to: string }
  /** Every event of one stream (its seqs are increasing but not consecutive). */
  | { kind: 'stream'; stream: string };

export interface LogFileHeader {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  /** The version of the app that wrote the file. */
  appVersion: string;
  /** When the file was written (ISO-8601 UTC). */
  exportedAt: string;
  eventCount: number;
  /** The first and last event's seq; both 0 when the file holds no events. */
  firstSeq: number;
  lastSeq: number;
  /** SHA-256 (lowercase hex) of every event line's UTF-8 bytes, each followed by one LF. */
  sha256: string;
  selection: LogSelection;
  /** A what-if scenario rather than a real log. */
  hypothetical?: true;
  /** For a hypothetical file: events up to and including this seq are the real log's, later ones the scenario's. */
  baseSeq?: number;
  /** For a hypothetical file: the scenario's name, as the person gave it. */
  scenario?: string;
}

/** SHA-256 of no bytes at all: the digest of a file that holds no events. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A header line longer than this is not a Rewind header (it is probably a whole JSON document). */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Whether the file claims to be a whole log from its first event: the only kind `empty` and `replace` accept. */
export function isCompleteLog(header: LogFileHeader): boolean {
  return header.selection.kind === 'all' && (header.eventCount === 0 || header.firstSeq === 1);
}

/** Whether seqs in the file must follow each other without gaps. */
export function hasConsecutiveSeqs(selection: LogSelection): boolean {
  return selection.kind !== 'stream';
}
