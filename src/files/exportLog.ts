import type { EventLines, EventStore, StoredEvent } from '../eventstore/index.ts';
import { throwIfAborted } from './errors.ts';
import { FILE_EXTENSION, type LogFileHeader, type LogSelection } from './format.ts';
import { FileBody, buildHeader, fileBlob, type HeaderInfo } from './writer.ts';

export interface ExportProgress {
  events: number;
  /** How many events the export will hold, when known up front. */
  totalEvents?: number;
  bytes: number;
}

export interface ExportOptions {
  /** Which events: the whole log (default), a seq range, a time range, or one stream. */
  selection?: LogSelection;
  /** Events read from the store at a time (default 20,000 for a range, 2000 for a stream). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Defaults to the app's version. */
  appVersion?: string;
  /** Where the export time comes from (tests pass a fixed clock). */
  now?: () => Date;
}

export interface LogExport {
  header: LogFileHeader;
  /** The whole file: header line, then the event lines. */
  blob: Blob;
  /** A file name to suggest, such as `rewind-log-2026-01-31T12-00-00Z.ndjson`. */
  fileName: string;
}

/** Events per read of a range's lines: each read's lines are held whole until they are handed on. */
const LINES_BATCH = 20_000;
const STREAM_BATCH = 2000;

export function suggestedFileName(exportedAt: string, scenario?: string): string {
  const stamp = exportedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const slug = scenario
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return scenario === undefined ? `rewind-log-${stamp}${FILE_EXTENSION}` : `rewind-what-if-${slug || 'scenario'}-${stamp}${FILE_EXTENSION}`;
}

/**
 * Writes a log file in one pass. The header comes first but carries the count
 * and digest of what follows, so the event lines are written (and hashed) first
 * into Blob parts, and the header is put in front at the end: one read of the
 * store, no second pass, and the JS heap never holds more than a few chunks.
 */
async function writeFile(
  fill: (body: FileBody, progress: () => void) => Promise<void>,
  info: Omit<HeaderInfo, 'exportedAt' | 'appVersion'> & { totalEvents?: number },
  options: Omit<ExportOptions, 'selection' | 'batchSize'>,
): Promise<LogExport> {
  const { signal, onProgress } = options;
  const exportedAt = (options.now?.() ?? new Date()).toISOString();
  throwIfAborted(signal);
  const body = await FileBody.create(info.selection);
  try {
    await fill(body, () => {
      onProgress?.({ events: body.eventCount, totalEvents: info.totalEvents, bytes: body.byteCount });
      throwIfAborted(signal);
    });
    const written = await body.finish();
    const header = buildHeader(written, {
      selection: info.selection,
      hypothetical: info.hypothetical,
      appVersion: options.appVersion ?? appVersion(),
      exportedAt,
    });
    return {
      header,
      blob: fileBlob(header, written.blob),
      fileName: suggestedFileName(exportedAt, info.hypothetical?.scenario ?? (info.hypothetical ? '' : undefined)),
    };
  } finally {
    body.close();
  }
}

/** Writes batches of events (checked and stringified one by one) as a log file: what-if scenarios and single streams. */
export async function exportEvents(
  batches: AsyncIterable<StoredEvent[]>,
  info: Omit<HeaderInfo, 'exportedAt' | 'appVersion'> & { totalEvents?: number },
  options: Omit<ExportOptions, 'selection' | 'batchSize'> = {},
): Promise<LogExport> {
  return writeFile(
    async (body, progress) => {
      for await (const batch of batches) {
        throwIfAborted(options.signal);
        if (batch.length === 0) continue;
        await body.addEvents(batch);
        progress();
      }
    },
    info,
    options,
  );
}

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';
}

/** One stream's events, batch by batch, up to its version when the export starts. */
async function streamBatches(store: EventStore, stream: string, batchSize: number): Promise<{ batches: AsyncIterable<StoredEvent[]>; totalEvents: number }> {
  const toVersion = await store.streamVersion(stream);
  return {
    totalEvents: toVersion,
    batches: (async function* () {
      for (let from = 1; from <= toVersion; ) {
        const batch = await store.readStream(stream, { fromVersion: from, toVersion, limit: batchSize });
        if (batch.length === 0) return;
        yield batch;
        from = batch[batch.length - 1]!.meta.version + 1;
      }
    })(),
  };
}

/**
 * The seqs a selection covers, bounded when the export starts: the log only
 * grows at the end, so events up to the last seq seen now never change while we read.
 */
async function seqRange(store: EventStore, selection: Exclude<LogSelection, { kind: 'stream' }>): Promise<{ fromSeq: number; toSeq: number }> {
  const last = await store.lastSeq();
  if (selection.kind === 'seq') return { fromSeq: Math.max(1, selection.fromSeq), toSeq: Math.min(last, selection.toSeq) };
  if (selection.kind === 'time')
    return { fromSeq: (await store.seqAtTime(new Date(Date.parse(selection.from) - 1))) + 1, toSeq: await store.seqAtTime(selection.to) };
  return { fromSeq: 1, toSeq: last };
}

/** Reads of the store in flight at once: while one run is handed on, the next ones are being read, so IndexedDB is never idle. */
const READS_AHEAD = 3;

/**
 * The store's lines of seqs fromSeq..toSeq, `limit` events at a time. The
 * log's seqs have no gaps, so each read's range is known up front and several
 * run at once; a read that comes back short ends the runs there.
 */
async function* lineRuns(store: EventStore, fromSeq: number, toSeq: number, limit: number): AsyncGenerator<EventLines> {
  let nextFrom = fromSeq;
  const read = () => {
    const reading = store.readLines({ fromSeq: nextFrom, toSeq: Math.min(toSeq, nextFrom + limit - 1) });
    nextFrom += limit;
    // Awaited below, unless the export stops first.
    reading.catch(() => undefined);
    return reading;
  };
  const reading: Promise<EventLines>[] = [];
  while (reading.length < READS_AHEAD && nextFrom <= toSeq) reading.push(read());
  while (reading.length > 0) {
    const lines = await reading.shift()!;
    if (lines.count === 0) return;
    if (nextFrom <= toSeq) reading.push(read());
    yield lines;
  }
}

/**
 * Exports the whole log, a seq or time range, or one stream. A range is copied
 * from the store's own event lines, in large runs, with no event parsed,
 * checked or stringified again; a stream is read event by event.
 */
export async function exportLog(store: EventStore, options: ExportOptions = {}): Promise<LogExport> {
  const selection = options.selection ?? { kind: 'all' };
  if (selection.kind === 'stream') {
    const { batches, totalEvents } = await streamBatches(store, selection.stream, options.batchSize ?? STREAM_BATCH);
    return exportEvents(batches, { selection, totalEvents }, options);
  }
  const { fromSeq, toSeq } = await seqRange(store, selection);
  return writeFile(
    async (body, progress) => {
      for await (const lines of lineRuns(store, fromSeq, toSeq, options.batchSize ?? LINES_BATCH)) {
        await body.addLines(lines);
        progress();
      }
    },
    { selection, totalEvents: Math.max(0, toSeq - fromSeq + 1) },
    options,
  );
}
