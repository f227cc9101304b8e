import type { RewindDatabase } from './database.ts';
import { StorageFullError, StorageUnavailableError, isConnectionFault, isQuotaError } from './faults.ts';
import { HealthSignal, closedError, type StoreHealth } from './health.ts';

/** What a call does to the log: only a successful append proves there is room again. */
export type Work = 'read' | 'write' | 'append';

export interface Connection {
  readonly health: HealthSignal;
  /**
   * Runs `op` against the database. A storage fault becomes a clear error; a
   * lost connection is reopened once and `op` retried once (ops are safe to
   * retry: reads, and appends whose ids make a repeat idempotent).
   */
  run<T>(op: () => Promise<T>, work: Work): Promise<T>;
  /** Ends this tab's use of the database for good (`health` says why) and closes the connection. */
  end(health: StoreHealth): void;
  readonly ended: boolean;
}

/**
 * Watches one tab's connection to the live database. When another tab opens a
 * newer version of the app, which upgrades the schema (or deletes the
 * database), this connection closes at once so that tab is not blocked, and
 * every later call fails with a sentence saying so: never Dexie's bare
 * DatabaseClosedError, and never a silent reopen at a schema this code does not know.
 */
export function watchConnection(db: RewindDatabase, onEnd: () => void): Connection {
  const health = new HealthSignal();
  let ended = false;
  // Calls failing together share one reopen; a call that started before a reopen just retries on the new connection.
  let generation = 0;
  let reopening: Promise<void> | undefined;

  function reopen(failedAt: number): Promise<void> {
    if (failedAt !== generation) return Promise.resolve();
    reopening ??= (async () => {
      try {
        db.close({ disableAutoOpen: false });
        await db.open();
      } finally {
        generation += 1;
        reopening = undefined;
      }
    })();
    return reopening;
  }

  function end(next: StoreHealth): void {
    health.set(next);
    if (ended) return;
    ended = true;
    db.close();
    onEnd();
  }

  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    end({ state: event.newVersion ? 'newer-version' : 'deleted' });
    // Returning false replaces Dexie's own handler, which would reopen on the next call.
    return false;
  });

  function failure(error: unknown, work: Work, final: boolean): unknown {
    if (ended) return closedError(health.get());
    if (work !== 'read' && isQuotaError(error)) {
      if (work === 'append') health.set({ state: 'full' });
      return new StorageFullError({ cause: error });
    }
    if (final && isConnectionFault(error)) {
      health.set({ state: 'unavailable' });
      return new StorageUnavailableError(work !== 'read', { cause: error });
    }
    return error;
  }

  function succeeded(work: Work): void {
    const { state } = health.get();
    if (state === 'unavailable' || (state === 'full' && work === 'append')) health.set({ state: 'ok' });
  }

  async function run<T>(op: () => Promise<T>, work: Work): Promise<T> {
    if (ended) throw closedError(health.get());
    const startedAt = generation;
    try {
      const value = await op();
      succeeded(work);
      return value;
    } catch (error) {
      if (ended || !isConnectionFault(error)) throw failure(error, work, false);
    }
    try {
      await reopen(startedAt);
      const value = await op();
      succeeded(work);
      return value;
    } catch (error) {
      throw failure(error, work, true);
    }
  }

  return {
    health,
    run,
    end,
    get ended() {
      return ended;
    },
  };
}
