import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'fixtures');

/** The bytes of a fixture in test/fixtures/ (made by test/fixtures/generate.ts). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

export function fixturePath(name: string): string {
  return join(dir, name);
}

/**
 * Every kind of bad input the reader refuses, with the code and line it
 * must report and words the message must contain.
 */
export const BAD_FILES: { file: string; code: string; line: number; says: RegExp }[] = [
  { file: 'empty.ndjson', code: 'EMPTY_FILE', line: 1, says: /file is empty/ },
  { file: 'not-ndjson.json', code: 'NOT_NDJSON', line: 1, says: /not a Rewind log/ },
  { file: 'json-array.json', code: 'NOT_NDJSON', line: 1, says: /JSON array/ },
  { file: 'missing-header.ndjson', code: 'MISSING_HEADER', line: 1, says: /header is missing/ },
  { file: 'foreign-header.ndjson', code: 'MISSING_HEADER', line: 1, says: /not a Rewind log header/ },
  { file: 'other-format.ndjson', code: 'UNKNOWN_FORMAT', line: 1, says: /"kurrent-export" format/ },
  { file: 'newer-version.ndjson', code: 'NEWER_FORMAT_VERSION', line: 1, says: /newer version of Rewind/ },
  { file: 'digest-mismatch.ndjson', code: 'DIGEST_MISMATCH', line: 1, says: /changed or damaged/ },
  { file: 'truncated-mid-line.ndjson', code: 'TRUNCATED', line: 10, says: /ends in the middle of this line/ },
  { file: 'truncated-lines.ndjson', code: 'TRUNCATED', line: 9, says: /7 of the 12 events/ },
  { file: 'bad-json-line.ndjson', code: 'INVALID_JSON', line: 5, says: /not valid JSON/ },
  { file: 'bad-event-type.ndjson', code: 'INVALID_EVENT', line: 7, says: /type must be a non-empty string/ },
  { file: 'bad-event-key.ndjson', code: 'INVALID_EVENT', line: 4, says: /"error" is not an event key/ },
  { file: 'bad-event-meta.ndjson', code: 'INVALID_EVENT', line: 8, says: /meta.at must be an ISO-8601 UTC time/ },
  { file: 'seq-gap.ndjson', code: 'SEQ_GAP', line: 5, says: /seq 4 is missing/ },
  { file: 'seq-out-of-order.ndjson', code: 'SEQ_OUT_OF_ORDER', line: 5, says: /seq 2 comes after seq 3/ },
  { file: 'stream-version-gap.ndjson', code: 'STREAM_VERSION_GAP', line: 9, says: /version 3 is missing/ },
  { file: 'stream-version-out-of-order.ndjson', code: 'STREAM_VERSION_OUT_OF_ORDER', line: 11, says: /versions only go up/ },
  { file: 'duplicate-id.ndjson', code: 'DUPLICATE_ID', line: 10, says: /already used by the event on line 4/ },
  { file: 'blank-line.ndjson', code: 'BLANK_LINE', line: 7, says: /line is empty/ },
  { file: 'invalid-utf8.ndjson', code: 'INVALID_UTF8', line: 4, says: /not valid UTF-8/ },
  { file: 'utf16.ndjson', code: 'INVALID_UTF8', line: 1, says: /UTF-16/ },
];

/** Files that hold the same log as valid.ndjson, written the way editors and other tools write text. */
export const TOLERATED_FILES: { file: string; warning: string; line: number }[] = [
  { file: 'valid-bom.ndjson', warning: 'BOM_REMOVED', line: 1 },
  { file: 'valid-crlf.ndjson', warning: 'CRLF_LINE_ENDS', line: 1 },
  { file: 'valid-no-final-newline.ndjson', warning: 'MISSING_FINAL_NEWLINE', line: 13 },
];
