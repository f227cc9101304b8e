/**
 * Runs `whileHeld` once the named lock is granted and holds the lock until its
 * promise settles; aborting `signal` gives up waiting. Web Locks in the browser;
 * tests inject their own (Node has no navigator.locks).
 */
export type LockRequest = (name: string, signal: AbortSignal, whileHeld: () => Promise<void>) => Promise<void>;

export const PROCESS_MANAGER_LOCK = 'rewind-process-managers';

/**
 * The browser's Web Locks, shared by every tab of the origin. Where they are
 * missing, runners go unlocked: their reactions have ids derived from the
 * triggering event, so a second runner's copy is refused by the store rather
 * than stored twice.
 */
export function defaultLock(): LockRequest {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return async (_name, _signal, whileHeld) => whileHeld();
  return async (name, signal, whileHeld) => {
    await locks.request(name, { signal }, whileHeld);
  };
}
