import { join } from 'node:path';
import { EmmettSyncStore } from './emmettSyncStore.ts';
import { openPostgresqlBackend } from './postgresql/postgresqlBackend.ts';
import { openSqliteBackend } from './sqlite/sqliteBackend.ts';
import type { SyncStore } from './types.ts';

export const SQLITE_FILE = 'rewind-sync.db';

/** The store the environment asks for: PostgreSQL at DATABASE_URL, else one SQLite file in DATA_DIR (./data by default). */
export async function openStore(env: { DATABASE_URL?: string; DATA_DIR?: string }): Promise<{ store: SyncStore; where: string }> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return { store: new EmmettSyncStore(await openPostgresqlBackend(env.DATABASE_URL)), where: `PostgreSQL at ${url.host}${url.pathname}` };
  }
  const file = join(env.DATA_DIR ?? './data', SQLITE_FILE);
  return { store: new EmmettSyncStore(await openSqliteBackend(file)), where: `SQLite file ${file}` };
}

export const openSqliteStore = async (file: string): Promise<SyncStore> => new EmmettSyncStore(await openSqliteBackend(file));
export const openPostgresqlStore = async (url: string): Promise<SyncStore> => new EmmettSyncStore(await openPostgresqlBackend(url));
