import { MAX_EVENT_BYTES, type StoredEvent } from '../eventstore/index.ts';
import { byteSlices, sizeOf, type ByteSource } from './byteSource.ts';
import { Continuity } from './continuity.ts';
import { openBodyHasher } from './bodyHasher.ts';
import { LogFileError, throwIfAborted, type LogFileWarning } from './errors.ts';
import { asStoredEvent, sizeProblem, storedEventProblem } from './eventRules.ts';
import { isCompleteLog, MAX_HEADER_BYTES, type LogFileHeader } from './format.ts';
import { parseHeaderLine } from './header.ts';
import { LineRun } from './lineRun.ts';
import { LineSplitter } from './lineSplitter.ts';
import { NewerEventsTally, type NewerEvents } from './newerEvents.ts';
import { RuleGate } from './ruleGate.ts';
import type { FormatMigration, Migrator } from './migrate.ts';

export type { ByteSource } from './byteSource.ts';
export type { NewerEventKind, NewerEvents } from './newerEvents.ts';

/** A line may carry a little whitespace around an event of the largest size. */
const MAX_LINE_BYTES = MAX_EVENT_BYTES + 64 * 1024;
const LF = new Uint8Array([0x0a]);

export interface ReadProgress {
  bytesRead: number;
  /** Known when the source is a File, Blob or bytes. */
  totalBytes?: number;
  events: number;
  /** From the header, once line 1 is read. */
  totalEvents?: number;
}

/** Where a batch of events came from in the file. */
export interface BatchInfo {
  /** The line of the batch's first event; its events are on consecutive lines. */
  firstLine: number;
  /** The bytes of the batch's lines. */
  bytes: number;
}

export interface ReadLogOptions {
  /**
   * Left out, the reader knows Rewind's own event types and schema versions,
   * and keeps an event recorded by a newer version (summary.newer). Given, for
   * files of other event sets: these types are known at any schema, and
   * another type is handled as `unknownTypes` says.
   */
  knownTypes?: Iterable<string>;
  /** With `knownTypes`, a type outside it: stop with UNKNOWN_EVENT_TYPE (default), or keep it and count it in summary.newer. */
  unknownTypes?: 'reject' | 'keep';
  /** Events handed to `onEvents` at a time (default 1000). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** Called as soon as line 1 is read and checked, before any event line; throw to stop reading. */
  onHeader?: (header: LogFileHeader) => void;
  /** Validated events, in file order; awaited before reading on, so a slow consumer slows the read. */
  onEvents?: (events: StoredEvent[], batch: BatchInfo) => void | Promise<void>;
  /**
   * Refuse an id used twice (default). Holding every id costs memory per event;
   * an importer writing into a database with a unique id index leaves it to the index.
   */
  checkDuplicateIds?: boolean;
  /** Migration steps for older format versions (tests pass their own). */
  migrations?: readonly FormatMigration[];
}

export interface LogFileSummary {
  header: LogFileHeader;
  /** The format version the file was written in (the header is shown migrated to the current one). */
  fileFormatVersion: number;
  eventCount: number;
  firstSeq: number;
  lastSeq: number;
  streamCount: number;
  /** How many events of each type. */
  types: Record<string, number>;
  /** Events recorded by a newer version of Rewind (or, with `knownTypes`, of a type outside it), kept as they are. */
  newer: NewerEvents;
  /**
   * Whether the ledger's rules were checked over the file: always for a whole
   * log. A part of a log starts from a state the file does not hold, so its
   * events are judged where they join a log (a merge does that).
   */
  rulesChecked: boolean;
  /** The digest computed from the file (it matched the header's). */
  sha256: string;
  warnings: LogFileWarning[];
  bytes: number;
  lines: number;
}

/**
 * Reads and checks a whole log file as a stream, in bounded memory: the header,
 * every event line (the event rules, seq and stream-version continuity, unique
 * ids, known types, and the ledger's rules over a whole log) and, at the end,
 * the event count and the digest. The first problem stops the read with a
 * LogFileError naming its line. Events reach `onEvents` as they are checked, so
 * a consumer must treat them as provisional until this promise resolves: only
 * then is the file known to be whole.
 */
export async function readLogFile(source: ByteSource, options: ReadLogOptions = {}): Promise<LogFileSummary> {
  const { signal, onEvents, onProgress } = options;
  const newer = new NewerEventsTally(options.knownTypes ? new Set(options.knownTypes) : undefined);
  const rejectNewer = options.knownTypes !== undefined && options.unknownTypes !== 'keep';
  const batchSize = options.batchSize ?? 1000;
  const totalBytes = sizeOf(source);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const encoder = new TextEncoder();
  const types: Record<string, number> = {};
  let header: LogFileHeader | undefined;
  let fileFormatVersion = 0;
  let migrator: Migrator | undefined;
  let continuity: Continuity | undefined;
  let gate: RuleGate | undefined;
  let blankSince: number | undefined;
  let ending = false;
  const batch: StoredEvent[] = [];
  let batchLine = 0;
  /** Each batched event's line length, for the bytes of a batch. */
  const batchSizes: number[] = [];
  let bytesRead = 0;
  let sha256 = '';

  const run = new LineRun();
  const splitter = new LineSplitter(
    (line) => (line === 1 ? MAX_HEADER_BYTES : MAX_LINE_BYTES),
    (line) => {
      // The lines before this one come first: one of them may hold the file's first problem.
      handleRun();
      if (line === 1)
        throw new LogFileError('NOT_NDJSON', 'the first line is longer than 64 KiB, so it is not a Rewind log header.', 1);
      throw new LogFileError('LINE_TOO_LONG', 'the line is longer than 1 MiB, the largest an event may be.', line);
    },
  );

  /** A bad last line without a line end is the tell-tale of a file cut off part-way. */
  function cutOff(line: number): LogFileError | undefined {
    if (!ending || !splitter.missingFinalNewline || line === 1) return undefined;
    return new LogFileError('TRUNCATED', 'the file ends in the middle of this line: it was probably cut off while copying or downloading.', line);
  }

  function decode(bytes: Uint8Array, line: number): string {
    try {
      return decoder.decode(bytes);
    } catch {
      const truncated = cutOff(line);
      if (truncated) throw truncated;
      const utf16 = line === 1 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
      throw new LogFileError(
        'INVALID_UTF8',
        utf16
          ? 'the file is UTF-16 text; a Rewind log is UTF-8.'
          : 'the line is not valid UTF-8 text: the file is damaged or was saved in another encoding.',
        line,
      );
    }
  }

  function onLine(bytes: Uint8Array, line: number, lfFollows: boolean): void {
    if (line === 1) {
      const parsed = parseHeaderLine(decode(bytes, 1), options.migrations);
      header = parsed.header;
      migrator = parsed.migrator;
      fileFormatVersion = header.formatVersion - parsed.migrator.steps.length;
      continuity = new Continuity(header, options.checkDuplicateIds ?? true);
      if (isCompleteLog(header)) gate = new RuleGate();
      options.onHeader?.(header);
      return;
    }
    if (bytes.length === 0) {
      handleRun();
      blankSince ??= line;
      return;
    }
    if (blankSince !== undefined) throw new LogFileError('BLANK_LINE', 'the line is empty; every line after the header holds one event.', blankSince);
    if (lfFollows && run.add(bytes, line)) return;
    handleRun();
    if (lfFollows) {
      run.add(bytes, line);
      return;
    }
    hasher.addBytes(bytes);
    hasher.addBytes(LF);
    onEventLine(decode(bytes, line), line, bytes.length);
  }

  /** Hashes, decodes and checks the run of lines gathered so far: one call each for the whole run. */
  function handleRun(): void {
    const lines = run.take();
    if (!lines) return;
    hasher.addBytes(lines.bytes);
    const text = decodeRun(lines.bytes);
    let offset = 0;
    let from = 0;
    lines.lengths.forEach((length, i) => {
      const line = lines.firstLine + i;
      // Not UTF-8 somewhere in the run: line by line, so its problems still come in file order.
      const lineText = text === undefined ? decode(lines.bytes.subarray(offset, offset + length), line) : text.slice(from, text.indexOf('\n', from));
      offset += length + 1;
      from += lineText.length + 1;
      onEventLine(lineText, line, length);
    });
  }

  function decodeRun(bytes: Uint8Array): string | undefined {
    try {
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }

  function onEventLine(text: string, line: number, byteLength: number): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw cutOff(line) ?? new LogFileError('INVALID_JSON', `the line is not valid JSON (${(error as Error).message}).`, line);
    }
    const value = migrator!.event(parsed);
    const problem = storedEventProblem(value);
    if (problem) throw new LogFileError('INVALID_EVENT', problem, line);
    const event = asStoredEvent(value as Record<string, unknown>);
    const tooBig = sizeProblem(event, byteLength, encoder);
    if (tooBig) throw new LogFileError('EVENT_TOO_LARGE', tooBig, line);
    if (newer.isNewer(event)) {
      if (rejectNewer) throw new LogFileError('UNKNOWN_EVENT_TYPE', `"${event.type}" is not an event type the reader was given as known.`, line);
      newer.add(event, line);
    }
    continuity!.check(event, line);
    gate?.check(event, line);
    types[event.type] = (types[event.type] ?? 0) + 1;
    if (batch.length === 0) batchLine = line;
    batch.push(event);
    batchSizes.push(byteLength + 1);
  }

  async function flush(force: boolean): Promise<void> {
    // One slice may add many events: they go out in batches of batchSize, on consecutive lines.
    while (batch.length >= batchSize || (force && batch.length > 0)) {
      const events = batch.splice(0, batchSize);
      const sizes = batchSizes.splice(0, batchSize);
      const info: BatchInfo = { firstLine: batchLine, bytes: sizes.reduce((a, b) => a + b, 0) };
      batchLine += events.length;
      await onEvents?.(events, info);
      throwIfAborted(signal);
      onProgress?.({ bytesRead, totalBytes, events: continuity!.count - batch.length, totalEvents: header?.eventCount });
    }
  }

  throwIfAborted(signal);
  const hasher = await openBodyHasher();
  try {
    for await (const slice of byteSlices(source)) {
      throwIfAborted(signal);
      bytesRead += slice.length;
      splitter.push(slice, onLine);
      handleRun();
      await flush(false);
    }
    ending = true;
    splitter.finish(onLine);
    if (splitter.lines === 0) throw new LogFileError('EMPTY_FILE', 'the file is empty; a Rewind log starts with a header line.', 1);
    await flush(true);
    continuity!.finish(splitter.lines);
    gate?.finish();
    sha256 = (await hasher.finish()).sha256;
  } finally {
    hasher.close();
  }
  if (sha256 !== header!.sha256)
    throw new LogFileError(
      'DIGEST_MISMATCH',
      'the events do not match the digest in the header: the file was changed or damaged after it was exported.',
      1,
    );
  onProgress?.({ bytesRead, totalBytes, events: continuity!.count, totalEvents: header!.eventCount });

  const warnings: LogFileWarning[] = [];
  if (splitter.bomRemoved) warnings.push({ code: 'BOM_REMOVED', line: 1, message: 'The file starts with a byte-order mark; it was ignored.' });
  if (splitter.firstCrlfLine !== undefined)
    warnings.push({ code: 'CRLF_LINE_ENDS', line: splitter.firstCrlfLine, message: 'The file uses Windows line ends (CR LF); they were read as LF.' });
  if (splitter.missingFinalNewline && blankSince === undefined)
    warnings.push({ code: 'MISSING_FINAL_NEWLINE', line: splitter.lines, message: 'The last line has no line end; it was read as complete.' });
  if (blankSince !== undefined)
    warnings.push({ code: 'TRAILING_BLANK_LINES', line: blankSince, message: 'The file ends with empty lines; they were ignored.' });

  return {
    header: header!,
    fileFormatVersion,
    eventCount: continuity!.count,
    firstSeq: header!.firstSeq,
    lastSeq: header!.lastSeq,
    streamCount: continuity!.streamCount,
    types,
    newer: newer.result,
    rulesChecked: gate !== undefined,
    sha256,
    warnings,
    bytes: bytesRead,
    lines: splitter.lines,
  };
}

/** Reads and checks a file without keeping its events: what `rewind-log verify` runs. */
export function verifyLogFile(source: ByteSource, options: Omit<ReadLogOptions, 'onEvents'> = {}): Promise<LogFileSummary> {
  return readLogFile(source, options);
}
