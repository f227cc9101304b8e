import type { CheckpointRecord, DocumentInput, EventStore } from '../eventstore/index.ts';
import type { RewindDatabase } from '../eventstore/import/index.ts';
import { LogFileError } from './errors.ts';
import { isCompleteLog, type LogFileHeader } from './format.ts';
import type { LogFileSummary, ReadLogOptions } from './reader.ts';

/**
 * - `empty`: the log must hold no events; the file becomes the log.
 * - `replace`: the file becomes the log; the current log is kept as a backup (restoreBackup).
 * - `merge`: for two devices' copies of one log: events this log already holds
 *   are skipped, new ones are appended in file order; refused when both sides
 *   wrote to the same stream after their common past.
 */
export type ImportMode = 'empty' | 'replace' | 'merge';

export interface ImportProgress {
  /** reading: checking the file (and writing it aside); copying: copying this log for a large merge; switching: making the result live. */
  phase: 'reading' | 'copying' | 'switching';
  events: number;
  totalEvents?: number;
  bytesRead: number;
  totalBytes?: number;
}

export interface ImportOptions extends Pick<ReadLogOptions, 'knownTypes' | 'unknownTypes' | 'signal'> {
  mode: ImportMode;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Process managers whose checkpoints move past the imported events, so they do
   * not send their messages again. Every checkpoint already in the log moves too.
   */
  processManagers?: string[];
  /** Accept a what-if scenario file as the real log (default: refused with HYPOTHETICAL_LOG). */
  allowHypothetical?: boolean;
  /** Replace only: refused with LOG_CHANGED, changing nothing, if the live log no longer ends at this seq when the file is switched in. */
  expectedLastSeq?: number;
  /** Replace only: documents the new log holds instead of the old log's (ids to remove, records to put), set in the same switch. */
  documentChanges?: { remove?: string[]; put?: DocumentInput[] };
}

export interface ImportResult {
  mode: ImportMode;
  summary: LogFileSummary;
  /** Events added to the log. */
  imported: number;
  /** Events of the file the log already held (merge). */
  skipped: number;
  /** The log's last seq after the import. */
  lastSeq: number;
  /**
   * The log now lives in another database: the store passed in is a backup now
   * (its appends fail with LogReplacedError). Reopen it with openEventStore; every
   * tab, this one included, also gets the onLogReplaced event.
   */
  replaced: boolean;
}

export interface ImportContext {
  store: EventStore;
  options: ImportOptions;
  progress: (progress: Omit<ImportProgress, 'totalBytes'> & { totalBytes?: number }) => void;
}

/** Events per batch, and per write transaction: large enough that per-transaction costs vanish, small enough to bound memory. */
export const WRITE_BATCH = 5000;

/** What every import mode reads the file with: the caller's type rules and cancel, in write-sized batches. */
export function readerOptions({ options, progress }: ImportContext): ReadLogOptions {
  return {
    knownTypes: options.knownTypes,
    unknownTypes: options.unknownTypes,
    signal: options.signal,
    batchSize: WRITE_BATCH,
    onHeader: (header) => checkHeaderForMode(header, options),
    onProgress: (p) => progress({ phase: 'reading', ...p }),
  };
}

/** Refuses, from the header alone, a file that the mode cannot take. */
export function checkHeaderForMode(header: LogFileHeader, options: ImportOptions): void {
  if (header.hypothetical && !options.allowHypothetical)
    throw new LogFileError(
      'HYPOTHETICAL_LOG',
      'this file is a what-if scenario, not a real log. Open it as a scenario instead of importing it into the log.',
      1,
    );
  if (options.mode === 'merge') return;
  if (!isCompleteLog(header))
    throw new LogFileError(
      'PARTIAL_LOG',
      `this file holds part of a log (seq ${header.firstSeq} to ${header.lastSeq}), which cannot stand as a log of its own. Merge it into a log that holds the events before it.`,
      1,
    );
  if (options.mode === 'replace' && header.eventCount === 0)
    throw new LogFileError('NO_EVENTS', 'the file holds no events; replacing the log with it would leave the log empty.', 1);
}

/**
 * Where each process manager stands after the import. `from` is the log's last
 * seq before it: a checkpoint there (caught up) or beyond moves to `to`; one that
 * lagged behind keeps its place, so it still handles the local events it had not
 * reached. Named process managers without a checkpoint start at `to`.
 */
export async function advancedCheckpoints(db: RewindDatabase, names: readonly string[], from: number, to: number): Promise<CheckpointRecord[]> {
  const existing = await db.checkpoints.toArray();
  const rows = new Map(existing.map((c) => [c.name, c.seq >= from ? to : c.seq]));
  for (const name of names) if (!rows.has(name)) rows.set(name, to);
  return [...rows].map(([name, seq]) => ({ name, seq }));
}
