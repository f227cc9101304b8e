import { platformLocks, withLock, type LockOutcome } from '../../lib/webLocks.ts';

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

/**
 * Runs `fn` holding the log's import lock, or returns `{ acquired: false }` at once
 * when another import or restore of the same log holds it.
 */
export async function tryWithImportLock<T>(log: string, fn: () => Promise<T>): Promise<LockOutcome<T>> {
  const locks = platformLocks();
  if (locks) return withLock(locks, lockName(log), { ifAvailable: true }, fn);
  if (heldHere.has(log)) return { acquired: false };
  heldHere.add(log);
  try {
    return { acquired: true, value: await fn() };
  } finally {
    heldHere.delete(log);
  }
}
