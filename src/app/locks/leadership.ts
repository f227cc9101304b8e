import { webLockRequest, type LockRequest } from './locks.ts';

/**
 * One tab at a time does the work that must not be done twice: running the
 * process managers and writing snapshots. The leader holds a Web Lock for as
 * long as it lives; when its tab closes the browser releases the lock and the
 * next waiting tab takes over.
 */
export interface Leadership {
  isLeader(): boolean;
  /** Resolves when this tab becomes the leader. */
  readonly elected: Promise<void>;
  /** Gives up the lock (or stops waiting for it). */
  resign(): void;
}

export function electLeader(name: string, lock: LockRequest | undefined = webLockRequest()): Leadership {
  // No Web Locks (old browsers, Node): there is a single tab.
  if (!lock) return { isLeader: () => true, elected: Promise.resolve(), resign: () => {} };
  let leader = false;
  let release: () => void = () => {};
  const abort = new AbortController();
  const elected = new Promise<void>((resolve) => {
    lock(name, abort.signal, () => {
      leader = true;
      resolve();
      return new Promise<void>((r) => (release = r));
    }).catch((error: unknown) => {
      if ((error as Error)?.name !== 'AbortError') console.error('Leader election failed', error);
    });
  });
  return {
    isLeader: () => leader,
    elected,
    resign: () => {
      leader = false;
      abort.abort();
      release();
    },
  };
}
