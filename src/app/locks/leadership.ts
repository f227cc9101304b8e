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

type LockRequest = (name: string, options: { signal: AbortSignal }, callback: () => Promise<void>) => Promise<unknown>;

export function electLeader(name: string, request: LockRequest | undefined = browserLocks()): Leadership {
  let leader = false;
  let release: () => void = () => {};
  const abort = new AbortController();
  if (!request) {
    // No Web Locks (old browsers, Node): assume a single tab.
    leader = true;
    return { isLeader: () => true, elected: Promise.resolve(), resign: () => {} };
  }
  const elected = new Promise<void>((resolve) => {
    request(name, { signal: abort.signal }, () => {
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

function browserLocks(): LockRequest | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (name, options, callback) => locks.request(name, options, callback) : undefined;
}
