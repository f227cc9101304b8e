import type { StoredEvent } from '../eventstore/index.ts';

/**
 * Every problem with a log file or an import has a stable code (for the UI and
 * for tests), the 1-based line it concerns when there is one, and a message a
 * person can act on. Codes never change meaning; new problems get new codes.
 */
export type LogFileErrorCode =
  // The file as a whole
  | 'EMPTY_FILE'
  | 'NOT_NDJSON'
  | 'MISSING_HEADER'
  | 'UNKNOWN_FORMAT'
  | 'NEWER_FORMAT_VERSION'
  | 'INVALID_HEADER'
  | 'TRUNCATED'
  | 'COUNT_MISMATCH'
  | 'DIGEST_MISMATCH'
  // One line
  | 'INVALID_UTF8'
  | 'LINE_TOO_LONG'
  | 'BLANK_LINE'
  | 'INVALID_JSON'
  | 'INVALID_EVENT'
  | 'EVENT_TOO_LARGE'
  | 'UNKNOWN_EVENT_TYPE'
  | 'SEQ_GAP'
  | 'SEQ_OUT_OF_ORDER'
  | 'SEQ_OUT_OF_RANGE'
  | 'STREAM_VERSION_GAP'
  | 'STREAM_VERSION_OUT_OF_ORDER'
  | 'DUPLICATE_ID'
  | 'RULE_BROKEN'
  // Importing into this log
  | 'LOG_NOT_EMPTY'
  | 'NO_EVENTS'
  | 'PARTIAL_LOG'
  | 'HYPOTHETICAL_LOG'
  | 'ID_CONFLICT'
  | 'STREAM_NOT_CONTINUOUS'
  | 'MERGE_CONFLICT'
  | 'LOG_CHANGED'
  | 'IMPORT_IN_PROGRESS'
  | 'NO_BACKUP'
  | 'ABORTED';

export class LogFileError extends Error {
  override readonly name: string = 'LogFileError';
  constructor(
    readonly code: LogFileErrorCode,
    message: string,
    /** The 1-based line of the file the problem is on, when it is on one. */
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`, options);
  }
}

/** Something worth telling that did not stop the file from being read (the reader is tolerant). */
export type LogFileWarningCode =
  | 'BOM_REMOVED'
  | 'CRLF_LINE_ENDS'
  | 'MISSING_FINAL_NEWLINE'
  | 'TRAILING_BLANK_LINES';

export interface LogFileWarning {
  code: LogFileWarningCode;
  line: number;
  message: string;
}

/** One stream both logs wrote to after their common past. */
export interface StreamConflict {
  stream: string;
  /** The first version at which the two logs hold different events. */
  divergesAtVersion: number;
  /** How many events this log and the file hold in that stream. */
  localVersion: number;
  incomingVersion: number;
  /** The seq (in this log) of this log's first event that the file does not hold. */
  localSeq: number;
  /** The file line of the file's first event that this log does not hold. */
  incomingLine: number;
}

/**
 * A merge found streams that both logs wrote to after their common past, and
 * wrote nothing. The incoming events are still available, to open as a what-if
 * branch from `branchBaseSeq` (the last seq before this log diverged):
 * `readIncomingEvents` reads the file again (so the source must be a File, Blob
 * or bytes) and hands over, batch by batch in file order, the events this log
 * does not hold.
 */
export class MergeConflictError extends LogFileError {
  override readonly name = 'MergeConflictError';
  constructor(
    readonly conflicts: StreamConflict[],
    readonly branchBaseSeq: number,
    readonly readIncomingEvents: (onEvents: (events: StoredEvent[]) => void | Promise<void>) => Promise<void>,
  ) {
    const names = conflicts
      .slice(0, 3)
      .map((c) => `"${c.stream}"`)
      .join(', ');
    const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '';
    super(
      'MERGE_CONFLICT',
      `Both this log and the file recorded new events in ${conflicts.length === 1 ? 'stream' : 'streams'} ${names}${more} ` +
        'after their common past, so they cannot be merged. Nothing was imported; you can open the file’s events as a what-if branch instead.',
    );
  }
}

export function aborted(reason: unknown): LogFileError {
  return new LogFileError('ABORTED', 'The operation was cancelled; nothing was changed.', undefined, { cause: reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw aborted(signal.reason);
}
