import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { EmmettBackend } from '../../../server/store/emmettBackend.ts';
import { openPostgresqlStore, openSqliteStore } from '../../../server/store/openStore.ts';
import { openPostgresqlBackend } from '../../../server/store/postgresql/postgresqlBackend.ts';
import { openSqliteBackend } from '../../../server/store/sqlite/sqliteBackend.ts';
import type { SyncStore } from '../../../server/store/types.ts';
import { startPostgres, type ThrowawayPostgres } from './postgres.ts';

export interface StoreKind {
  name: 'sqlite' | 'postgresql';
  /** A store on this file's database; spaces keep tests apart. */
  open(): Promise<SyncStore>;
  /** Where the store keeps its data, to open it again after a restart. */
  reopen(): Promise<SyncStore>;
  /** The Emmett layer under the store, to reach past the protocol's own checks. */
  openBackend(): Promise<EmmettBackend>;
  /** The last backend's data opened again, as a restarted server opens it. */
  reopenBackend(): Promise<EmmettBackend>;
  /** One SQL statement run on the last backend's database, outside the backend (to make it look like an older one). */
  runSql(statement: string): Promise<void>;
}

/**
 * The two stores a server suite runs against (`describe.each(stores())`): SQLite in a temp
 * file, and PostgreSQL in a throwaway cluster started once for the calling test file.
 */
export function stores(): StoreKind[] {
  let postgres: ThrowawayPostgres | undefined;
  let dir: string | undefined;
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewind-sync-'));
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);
  let files = 0;
  let backendFile = '';
  return [
    {
      name: 'sqlite',
      open() {
        file = join(dir!, `sync-${++files}.db`);
        return openSqliteStore(file);
      },
      reopen: () => openSqliteStore(file),
      openBackend() {
        backendFile = join(dir!, `backend-${++files}.db`);
        return openSqliteBackend(backendFile);
      },
      reopenBackend: () => openSqliteBackend(backendFile),
      async runSql(statement) {
        const db = new sqlite3.Database(backendFile);
        try {
          await new Promise<void>((resolve, reject) => db.exec(statement, (error) => (error ? reject(error) : resolve())));
        } finally {
          await new Promise<void>((resolve) => db.close(() => resolve()));
        }
      },
    },
    {
      name: 'postgresql',
      open: () => openPostgresqlStore(postgres!.url),
      reopen: () => openPostgresqlStore(postgres!.url),
      openBackend: () => openPostgresqlBackend(postgres!.url),
      reopenBackend: () => openPostgresqlBackend(postgres!.url),
      async runSql(statement) {
        const client = new pg.Client({ connectionString: postgres!.url });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
    },
  ];
}
