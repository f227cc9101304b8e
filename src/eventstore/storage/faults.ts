/**
 * Storage faults: what the browser's IndexedDB can throw that is not the
 * caller's fault, sorted into the few cases the app treats differently, and
 * the errors the store throws for them instead (each with a stable code and a
 * sentence a person understands).
 */

/** The device (or the browser's share of it) is full: the write was refused and nothing of it was stored. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  readonly code = 'STORAGE_FULL';
  constructor(options?: { cause?: unknown }) {
    super(
      'This device has no room left for Rewind’s data, so nothing was saved. Export the log (Data → Export log) to keep a copy, then free up space (Data → Delete backup, old files, other sites’ data) and try again.',
      options,
    );
  }
}

/** The connection to IndexedDB was lost and could not be reopened; nothing of a write was stored. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(writing: boolean, options?: { cause?: unknown }) {
    super(
      writing
        ? 'The browser’s database stopped answering and could not be reopened, so nothing was saved. What is on screen can still be read; reload the page to reconnect.'
        : 'The browser’s database stopped answering and could not be reopened. What is on screen can still be read; reload the page to reconnect.',
      options,
    );
  }
}

/** Dexie wraps the browser's error (`inner`); a failed transaction carries it too. Yields the chain, outermost first. */
function* causes(error: unknown): Generator<{ name?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  let current = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    yield current as { name?: unknown; message?: unknown };
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
}

/** QuotaExceededError in Chromium and Safari (on a request or at commit), NS_ERROR_DOM_QUOTA_ERR in old Firefox. */
export function isQuotaError(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_ERR') return true;
    // A bulk write reports each failed row; a full disk fails them all alike.
    const failures = (e as { failures?: unknown[] }).failures;
    if (Array.isArray(failures) && failures.length > 0 && failures.every(isQuotaError)) return true;
  }
  return false;
}

const LOST = /connection to indexed database server lost|database connection is closing|connection was closed/i;

/**
 * The connection broke rather than the request being wrong: Safari's "Connection
 * to Indexed Database server lost" (an UnknownError), Chromium's UnknownError
 * from a failing backing store, a connection closed from outside (InvalidStateError,
 * or Dexie's DatabaseClosedError). Reopening is the cure for all of them.
 */
export function isConnectionFault(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e.name === 'UnknownError' || e.name === 'InvalidStateError' || e.name === 'DatabaseClosedError') return true;
    if (typeof e.message === 'string' && LOST.test(e.message)) return true;
  }
  return false;
}
