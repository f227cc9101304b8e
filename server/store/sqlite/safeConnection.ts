import { AsyncLocalStorage } from 'node:async_hooks';
import type { SQLiteConnection } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';

/** Emmett's SQLiteConnection plus a turn on the connection for reads that must not see a transaction in progress. */
export interface SafeConnection extends SQLiteConnection {
  /** Runs `work` when no transaction holds the connection (a read on the one connection would otherwise see uncommitted rows). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Closes the connection once the transactions and reads queued before have run. */
  shut(): Promise<void>;
}

type Params = NonNullable<Parameters<SQLiteConnection['query']>[1]>;

/**
 * One sqlite3 connection as Emmett's SQLiteConnection: PRAGMAs awaited (Emmett's own runs
 * journal_mode un-awaited), 'error' events caught (they crash the process otherwise), one
 * transaction at a time, re-entrant so Emmett's inner withTransaction joins the caller's.
 */
export async function openSafeConnection(fileName: string): Promise<SafeConnection> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(fileName, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.on('error', (error) => console.error('SQLite:', error));
  const run = (sql: string, params: Params = []) =>
    new Promise<sqlite3.RunResult>((resolve, reject) =>
      db.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve(this);
      }),
    );
  const all = <T>(sql: string, params: Params = []) => new Promise<T[]>((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  const get = <T>(sql: string, params: Params = []) =>
    new Promise<T | null>((resolve, reject) => db.get(sql, params, (error, row) => (error ? reject(error) : resolve((row as T | undefined) ?? null))));

  await get('PRAGMA journal_mode = WAL');
  await run('PRAGMA synchronous = FULL');
  await run('PRAGMA busy_timeout = 5000');

  const inTurn = new AsyncLocalStorage<boolean>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inTurn.getStore()) return work();
    const before = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await before;
    try {
      return await inTurn.run(true, work);
    } finally {
      release();
    }
  };

  return {
    close: () => db.close(),
    command: run,
    query: all,
    querySingle: get,
    batchCommand: async (sqls) => {
      for (const sql of sqls) await run(sql);
    },
    exclusive,
    shut: () => exclusive(() => new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))),
    withTransaction: <T>(work: () => Promise<T>): Promise<T> => {
      if (inTurn.getStore()) return work();
      return exclusive(async () => {
        await run('BEGIN IMMEDIATE');
        try {
          const result = await work();
          await run('COMMIT');
          return result;
        } catch (error) {
          await run('ROLLBACK');
          throw error;
        }
      });
    },
  };
}
