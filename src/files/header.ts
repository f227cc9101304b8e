import { isPlainObject } from '../lib/isPlainObject.ts';
import { LogFileError } from './errors.ts';
import { FORMAT_NAME, hasConsecutiveSeqs, type LogFileHeader, type LogSelection } from './format.ts';
import { migratorFor, type FormatMigration, type Migrator } from './migrate.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const HEX_64 = /^[0-9a-fA-F]{64}$/;

function invalid(message: string): LogFileError {
  return new LogFileError('INVALID_HEADER', `the header is not valid: ${message}`, 1);
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIsoTime = (v: unknown): v is string => typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));

function parseSelection(value: unknown): LogSelection {
  if (!isPlainObject(value)) throw invalid('"selection" must be an object such as { "kind": "all" }.');
  switch (value.kind) {
    case 'all':
      return { kind: 'all' };
    case 'seq':
      if (!isCount(value.fromSeq) || !isCount(value.toSeq) || value.fromSeq > value.toSeq)
        throw invalid('a "seq" selection needs whole numbers fromSeq <= toSeq.');
      return { kind: 'seq', fromSeq: value.fromSeq, toSeq: value.toSeq };
    case 'time':
      if (!isIsoTime(value.from) || !isIsoTime(value.to)) throw invalid('a "time" selection needs ISO-8601 UTC times "from" and "to".');
      return { kind: 'time', from: value.from, to: value.to };
    case 'stream':
      if (typeof value.stream !== 'string' || value.stream.length === 0) throw invalid('a "stream" selection needs the stream\'s name.');
      return { kind: 'stream', stream: value.stream };
    default:
      throw invalid(`"selection.kind" must be "all", "seq", "time" or "stream", not ${JSON.stringify(value.kind)}.`);
  }
}

function checkPositions(h: Record<string, unknown>, selection: LogSelection): void {
  const { eventCount, firstSeq, lastSeq } = h;
  if (!isCount(eventCount)) throw invalid('"eventCount" must be a whole number.');
  if (!isCount(firstSeq) || !isCount(lastSeq)) throw invalid('"firstSeq" and "lastSeq" must be whole numbers.');
  if (eventCount === 0) {
    if (firstSeq !== 0 || lastSeq !== 0) throw invalid('a file with no events has "firstSeq" and "lastSeq" 0.');
    return;
  }
  if (firstSeq < 1 || lastSeq < firstSeq) throw invalid(`"firstSeq" (${firstSeq}) and "lastSeq" (${lastSeq}) do not describe a range of seqs.`);
  const span = lastSeq - firstSeq + 1;
  if (hasConsecutiveSeqs(selection) ? eventCount !== span : eventCount > span)
    throw invalid(`${eventCount} events cannot run from seq ${firstSeq} to seq ${lastSeq}.`);
}

/** Checks a header of the current format version field by field. */
function checkHeader(h: Record<string, unknown>): LogFileHeader {
  if (typeof h.appVersion !== 'string') throw invalid('"appVersion" must be a string.');
  if (!isIsoTime(h.exportedAt)) throw invalid('"exportedAt" must be an ISO-8601 UTC time.');
  const selection = parseSelection(h.selection);
  checkPositions(h, selection);
  if (typeof h.sha256 !== 'string' || !HEX_64.test(h.sha256)) throw invalid('"sha256" must be 64 hexadecimal digits.');
  const header: LogFileHeader = {
    format: FORMAT_NAME,
    formatVersion: h.formatVersion as number,
    appVersion: h.appVersion,
    exportedAt: h.exportedAt,
    eventCount: h.eventCount as number,
    firstSeq: h.firstSeq as number,
    lastSeq: h.lastSeq as number,
    sha256: h.sha256.toLowerCase(),
    selection,
  };
  if (h.hypothetical !== undefined) {
    if (h.hypothetical !== true) throw invalid('"hypothetical" is either true or left out.');
    if (!isCount(h.baseSeq)) throw invalid('a hypothetical file names its base point: "baseSeq" must be a whole number.');
    header.hypothetical = true;
    header.baseSeq = h.baseSeq;
    if (h.scenario !== undefined) {
      if (typeof h.scenario !== 'string') throw invalid('"scenario" must be a string.');
      header.scenario = h.scenario;
    }
  }
  return header;
}

/**
 * Reads line 1. Says plainly what the file is when it is not a Rewind log
 * (another app's JSON export, pretty-printed JSON, a log missing its header).
 */
export function parseHeaderLine(
  text: string,
  migrations?: readonly FormatMigration[],
): { header: LogFileHeader; migrator: Migrator } {
  if (text.trim().length === 0)
    throw new LogFileError('MISSING_HEADER', 'the first line is empty; a Rewind log starts with a header line.', 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const start = text.trimStart()[0];
    throw new LogFileError(
      'NOT_NDJSON',
      start === '{' || start === '['
        ? 'the first line is not a complete JSON value. This looks like JSON spread over several lines, not a Rewind log (NDJSON: one JSON value per line).'
        : 'the first line is not JSON, so this is not a Rewind log file (NDJSON: a header line, then one event per line).',
      1,
    );
  }
  if (Array.isArray(value))
    throw new LogFileError(
      'NOT_NDJSON',
      'the file starts with a JSON array. This looks like a JSON export (perhaps from another app), not a Rewind log (NDJSON: a header line, then one event per line).',
      1,
    );
  if (!isPlainObject(value))
    throw new LogFileError('MISSING_HEADER', 'the first line is not a Rewind log header (a JSON object with "format": "rewind-log").', 1);
  if (value.format === undefined) {
    const looksLikeEvent = 'type' in value && 'meta' in value;
    throw new LogFileError(
      'MISSING_HEADER',
      looksLikeEvent
        ? 'the first line is an event, but a Rewind log starts with a header line (the header is missing).'
        : 'the first line is not a Rewind log header: it has no "format" field.',
      1,
    );
  }
  if (value.format !== FORMAT_NAME)
    throw new LogFileError('UNKNOWN_FORMAT', `the file is in the ${JSON.stringify(value.format)} format, not a Rewind log ("${FORMAT_NAME}").`, 1);
  const version = value.formatVersion;
  if (!Number.isSafeInteger(version) || (version as number) < 1) throw invalid('"formatVersion" must be a whole number of at least 1.');
  const migrator = migratorFor(version as number, migrations);
  return { header: checkHeader(migrator.header(value)), migrator };
}
