import { canonicalJson } from '../pages/canonicalJson.ts';
import { DuplicateEventError, InvalidEventError } from '../errors.ts';
import { checkExpectedVersion } from './expectedVersion.ts';
import type { AppendResult, ExpectedVersion, StoredEvent, StreamBatch } from '../types.ts';
import { assertSize, assertValidBatch } from './validate.ts';

/** A batch checked and filled in before its transaction opens: only positions are left to assign. */
export interface PreparedBatch {
  stream: string;
  expected: ExpectedVersion;
  events: StoredEvent[];
}

/** What makes two events with one id the same event (a retry) rather than a clash: everything but positions and time. */
export function contentKey(e: { type: string; payload: unknown; meta: Partial<StoredEvent['meta']> }): string {
  const { causationId, correlationId, schema, sample, stream } = e.meta;
  return canonicalJson({ type: e.type, payload: e.payload, stream, causationId, correlationId, schema, sample });
}

function assertExpectedVersion(expected: unknown): asserts expected is ExpectedVersion | undefined {
  if (expected === undefined || expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidEventError(
    `expectedVersion must be 'any', 'no_stream', 'stream_exists' or a whole number >= 0, not ${String(expected)}`,
  );
}

/**
 * Checks an append's batches and fills in what the store assigns outside the
 * transaction (ids, times), so that inside it only IndexedDB is awaited.
 */
export function prepareBatches(batches: StreamBatch[], clock: () => Date, newId: () => string): PreparedBatch[] {
  if (!Array.isArray(batches)) throw new InvalidEventError('appendMany takes an array of { stream, events } batches');
  const streams = new Set<string>();
  const ids = new Set<string>();
  return batches.map((batch) => {
    assertValidBatch(batch?.events, batch?.stream);
    assertExpectedVersion(batch.expectedVersion);
    if (streams.has(batch.stream)) throw new InvalidEventError(`stream "${batch.stream}" is named twice in one append`);
    streams.add(batch.stream);
    const at = clock().toISOString();
    const events = batch.events.map((input, index) => {
      // Optional meta left undefined is dropped: IndexedDB would keep the key, JSON would not. Key order stays as
      // given (it is the stored line's); a plain spread is the fast way to copy, and most inputs have no undefined.
      const given = input.meta;
      const meta: Record<string, unknown> = given ? { ...given } : {};
      if (given && Object.values(given).some((value) => value === undefined)) for (const key of Object.keys(meta)) if (meta[key] === undefined) delete meta[key];
      meta.id ??= newId();
      meta.at ??= at;
      const id = meta.id as string;
      if (ids.has(id)) throw new InvalidEventError(`id "${id}" appears twice in one append`, index);
      ids.add(id);
      // Positions are filled in inside the transaction; the largest they can be counts toward the size limit.
      const event: StoredEvent = {
        type: input.type,
        payload: input.payload ?? null,
        meta: { ...(meta as Omit<StoredEvent['meta'], 'seq' | 'stream' | 'version'>), seq: Number.MAX_SAFE_INTEGER, stream: batch.stream, version: Number.MAX_SAFE_INTEGER },
      };
      assertSize(event, index);
      return event;
    });
    return { stream: batch.stream, expected: batch.expectedVersion ?? 'any', events };
  });
}

/** Where a commit's batches land: what each caller gets back, and the rows to write. */
export interface Placed {
  results: AppendResult[];
  /** The new events, positioned: seqs after `lastSeq`, versions after each stream's. */
  rows: StoredEvent[];
  /** The last seq after them. */
  seq: number;
}

/**
 * Positions prepared batches after the log's `lastSeq`, inside the commit's
 * transaction. An id already stored with the same content is a retry: a batch
 * whose events are all stored gets back where it landed and writes nothing.
 * An id stored with other content, a batch only partly stored, or a stream not
 * at the expected version refuses the whole commit (nothing is written).
 */
export function placeBatches(
  batches: readonly PreparedBatch[],
  existing: ReadonlyMap<string, StoredEvent>,
  versionOf: (stream: string) => number,
  lastSeq: number,
): Placed {
  let seq = lastSeq;
  const results: AppendResult[] = [];
  const rows: StoredEvent[] = [];
  for (const batch of batches) {
    const stored = batch.events.map((e) => existing.get(e.meta.id));
    stored.forEach((s, i) => {
      // Content is compared only for ids already stored, so a plain append never serialises twice.
      if (s && contentKey(s) !== contentKey(batch.events[i]!)) throw new DuplicateEventError(s.meta.id);
    });
    const found = stored.filter((s): s is StoredEvent => s !== undefined);
    if (found.length > 0 && found.length === batch.events.length) {
      results.push({ firstSeq: found[0]!.meta.seq, lastSeq: found[found.length - 1]!.meta.seq, version: found[found.length - 1]!.meta.version });
      continue;
    }
    if (found.length > 0) throw new DuplicateEventError(found[0]!.meta.id);
    const actual = versionOf(batch.stream);
    checkExpectedVersion(batch.stream, batch.expected, actual);
    if (batch.events.length === 0) {
      results.push({ firstSeq: 0, lastSeq: 0, version: actual });
      continue;
    }
    const firstSeq = seq + 1;
    batch.events.forEach((e, i) => {
      seq += 1;
      rows.push({ ...e, meta: { ...e.meta, seq, version: actual + i + 1 } });
    });
    results.push({ firstSeq, lastSeq: seq, version: actual + batch.events.length });
  }
  return { results, rows, seq };
}
