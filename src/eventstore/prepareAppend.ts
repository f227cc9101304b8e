import { canonicalJson } from './canonical.ts';
import { InvalidEventError } from './errors.ts';
import type { ExpectedVersion, StoredEvent, StreamBatch } from './types.ts';
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

export function expectedMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  if (expected === 'stream_exists') return actual > 0;
  return expected === actual;
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
