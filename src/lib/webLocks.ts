/** The part of the Web Locks API (`navigator.locks`) the app uses. */
export interface LockManagerLike {
  request(name: string, options: LockOptions, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

export interface LockOptions {
  /** Aborting it gives up waiting for the lock: the request rejects with an AbortError. */
  signal?: AbortSignal;
  /** Do not wait: when another holds the lock the callback gets null at once. */
  ifAvailable?: boolean;
}

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * The platform's Web Locks, shared by every tab of the origin and released by
 * the browser when a tab closes; undefined where there are none (Node: tests
 * and the CLI).
 */
export function platformLocks(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

/**
 * Runs `whileHeld` holding the named lock, which is released when its promise
 * settles. With `ifAvailable`, `{ acquired: false }` when another holds it.
 */
export async function withLock<T>(locks: LockManagerLike, name: string, options: LockOptions, whileHeld: () => Promise<T>): Promise<LockOutcome<T>> {
  return (await locks.request(name, options, async (lock) =>
    lock === null ? { acquired: false } : { acquired: true, value: await whileHeld() },
  )) as LockOutcome<T>;
}
