/**
 * One import (or restore) per log at a time, across tabs. Web Locks where the
 * platform has them; a lock held by a closed tab is released by the browser, so
 * a crashed import never blocks the next one. Without Web Locks (Node: tests and
 * the CLI) there is only one context, so a process-local set is exact.
 */
const heldHere = new Set<string>();

function lockName(log: string): string {
  return `rewind-import:${log}`;
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

/**
 * Runs `fn` holding the log's import lock, or returns `{ acquired: false }` at once
 * when another import or restore of the same log holds it.
 */
export async function tryWithImportLock<T>(
  log: string,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const locks = webLocks();
  if (locks) {
    return (await locks.request(lockName(log), { ifAvailable: true }, async (lock) =>
      lock ? { acquired: true, value: await fn() } : { acquired: false },
    )) as { acquired: true; value: T } | { acquired: false };
  }
  if (heldHere.has(log)) return { acquired: false };
  heldHere.add(log);
  try {
    return { acquired: true, value: await fn() };
  } finally {
    heldHere.delete(log);
  }
}
