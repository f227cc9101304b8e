import type { LockManagerLike, LockOptions } from '../../src/lib/webLocks.ts';

/** Exclusive locks as Web Locks grant them: in request order, null for `ifAvailable` when held, AbortError on abort. */
export function fakeLockManager(): LockManagerLike & { held: Set<string> } {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  const granted = (name: string, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (!held.has(name)) {
        held.add(name);
        return resolve();
      }
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const grant = () => resolve();
      queue.push(grant);
      signal?.addEventListener('abort', () => {
        queue.splice(queue.indexOf(grant), 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  return {
    held,
    async request(name: string, options: LockOptions, callback: (lock: unknown) => Promise<unknown>) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      await granted(name, options.signal);
      try {
        return await callback({ name });
      } finally {
        release(name);
      }
    },
  };
}

/** Lets the promises already settled run their callbacks. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
