import { platformLocks, withLock, type LockManagerLike } from '../../lib/webLocks.ts';

/**
 * Runs `whileHeld` once the named lock is granted and holds the lock until its
 * promise settles; aborting `signal` gives up waiting. Web Locks in the browser;
 * tests inject their own.
 */
export type LockRequest = (name: string, signal: AbortSignal, whileHeld: () => Promise<void>) => Promise<void>;

export const PROCESS_MANAGER_LOCK = 'rewind-process-managers';

/** A lock manager's locks as a LockRequest; undefined where the platform has no Web Locks. */
export function webLockRequest(locks: LockManagerLike | undefined = platformLocks()): LockRequest | undefined {
  if (!locks) return undefined;
  return async (name, signal, whileHeld) => {
    await withLock(locks, name, { signal }, whileHeld);
  };
}
