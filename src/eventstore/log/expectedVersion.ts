import { WrongExpectedVersionError } from '../errors.ts';
import type { ExpectedVersion } from '../types.ts';

/** Whether a stream at `actual` events meets an append's expected version. */
export function expectedVersionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  if (expected === 'stream_exists') return actual > 0;
  return expected === actual;
}

/** Refuses an append to `stream`, at `actual` events, that expected another version. */
export function checkExpectedVersion(stream: string, expected: ExpectedVersion | undefined, actual: number): void {
  const wanted = expected ?? 'any';
  if (!expectedVersionMatches(wanted, actual)) throw new WrongExpectedVersionError(stream, wanted, actual);
}
