import type { EventStore, StoredEvent } from '../eventstore/index.ts';
import { throwIfAborted } from './errors.ts';
import { FILE_EXTENSION, MEDIA_TYPE, type LogFileHeader, type LogSelection } from './format.ts';
import { EventLineWriter, buildHeader, encodeHeaderLine, type HeaderInfo } from './writer.ts';

export interface ExportProgress {
  events: number;
  /** How many events the export will hold, when known up front. */
  totalEvents?: number;
  bytes: number;
}

export interface ExportOptions {
  /** Which events: the whole log (default), a seq range, a time range, or one stream. */
  selection?: LogSelection;
  /** Events read from the store at a time (default 2000). */
  pageSize?: number;
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

/** Body chunks are gathered into Blobs of about this size, so their bytes leave the JS heap as the export goes. */
const BLOB_PART_BYTES = 8 * 1024 * 1024;

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
 * Writes pages of events as a log file in one pass. The header comes first but
 * carries the count and digest of what follows, so the event lines are written
 * (and hashed) first into Blob parts, and the header is put in front at the end:
 * one read of the store, no second pass, and the JS heap never holds more than a
 * few pages. (A Blob's bytes live outside the JS heap; browsers move large ones
 * to disk.) Used for the real log and for what-if scenarios alike.
 */
export async function exportEvents(
  pages: AsyncIterable<StoredEvent[]>,
  info: Omit<HeaderInfo, 'exportedAt' | 'appVersion'> & { totalEvents?: number },
  options: Omit<ExportOptions, 'selection' | 'pageSize'> = {},
): Promise<LogExport> {
  const { signal, onProgress } = options;
  const exportedAt = (options.now?.() ?? new Date()).toISOString();
  const writer = new EventLineWriter(info.selection);
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  throwIfAborted(signal);
  for await (const page of pages) {
    throwIfAborted(signal);
    if (page.length === 0) continue;
    const chunk = writer.encodePage(page);
    pending.push(chunk);
    pendingBytes += chunk.length;
    bytes += chunk.length;
    if (pendingBytes >= BLOB_PART_BYTES) {
      parts.push(new Blob(pending as BlobPart[]));
      pending = [];
      pendingBytes = 0;
    }
    onProgress?.({ events: writer.eventCount, totalEvents: info.totalEvents, bytes });
  }
  throwIfAborted(signal);
  const header = buildHeader(writer.finish(), {
    selection: info.selection,
    hypothetical: info.hypothetical,
    appVersion: options.appVersion ?? appVersion(),
    exportedAt,
  });
  const blob = new Blob([encodeHeaderLine(header), ...parts, ...pending] as BlobPart[], { type: MEDIA_TYPE });
  return { header, blob, fileName: suggestedFileName(exportedAt, info.hypothetical?.scenario ?? (info.hypothetical ? '' : undefined)) };
}

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';
}

interface PagePlan {
  pages: AsyncIterable<StoredEvent[]>;
  totalEvents: number;
}

/**
 * The pages of a selection, bounded when the export starts: the log only grows
 * at the end, so events up to the last seq seen now never change while we read.
 */
async function planPages(store: EventStore, selection: LogSelection, pageSize: number): Promise<PagePlan> {
  if (selection.kind === 'stream') {
    const toVersion = await store.streamVersion(selection.stream);
    return {
      totalEvents: toVersion,
      pages: (async function* () {
        for (let from = 1; from <= toVersion; ) {
          const page = await store.readStream(selection.stream, { fromVersion: from, toVersion, limit: pageSize });
          if (page.length === 0) return;
          yield page;
          from = page[page.length - 1]!.meta.version + 1;
        }
      })(),
    };
  }
  const last = await store.lastSeq();
  let fromSeq = 1;
  let toSeq = last;
  if (selection.kind === 'seq') {
    fromSeq = Math.max(1, selection.fromSeq);
    toSeq = Math.min(last, selection.toSeq);
  } else if (selection.kind === 'time') {
    fromSeq = (await store.seqAtTime(new Date(Date.parse(selection.from) - 1))) + 1;
    toSeq = await store.seqAtTime(selection.to);
  }
  return {
    totalEvents: Math.max(0, toSeq - fromSeq + 1),
    pages: (async function* () {
      for (let from = fromSeq; from <= toSeq; ) {
        const page = await store.readAll({ fromSeq: from, toSeq, limit: pageSize });
        if (page.length === 0) return;
        yield page;
        from = page[page.length - 1]!.meta.seq + 1;
      }
    })(),
  };
}

/** Exports the whole log, a seq or time range, or one stream, reading the store page by page. */
export async function exportLog(store: EventStore, options: ExportOptions = {}): Promise<LogExport> {
  const selection = options.selection ?? { kind: 'all' };
  const { pages, totalEvents } = await planPages(store, selection, options.pageSize ?? 2000);
  return exportEvents(pages, { selection, totalEvents }, options);
}
