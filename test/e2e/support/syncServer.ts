import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/startServer.ts';
import { openPostgresqlStore, openSqliteStore } from '../../../server/store/openStore.ts';
import type { WireEvent } from '../../../server/store/types.ts';
import { startPostgres, type ThrowawayPostgres } from '../../server/support/postgres.ts';

export type StoreName = 'sqlite' | 'postgresql';

export interface SpaceAccess {
  spaceId: string;
  secret: string;
}

export interface PulledEvent {
  position: number;
  device: string;
  event: WireEvent;
}

/** The sync server the devices of a test file talk to, run in the test process. */
export interface TestSyncServer {
  readonly store: StoreName;
  /** Where the devices reach it (the same address after a restart). */
  readonly url: string;
  /** Stops it as a crash would for its clients: open connections are cut; what it stored stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port over the same data. */
  start(): Promise<void>;
  /** Every event a space holds, in the server's order, read through the same API the devices use. */
  events(space: SpaceAccess): Promise<PulledEvent[]>;
}

/**
 * The sync server for one test file: started on a free port in beforeAll over a temp SQLite
 * file or a throwaway PostgreSQL cluster, stopped in afterAll. Spaces keep the file's tests apart.
 */
export function useSyncServer(store: StoreName): () => TestSyncServer {
  let dir: string | undefined;
  let postgres: ThrowawayPostgres | undefined;
  let running: RunningServer | undefined;
  let port = 0;
  let url = '';

  const open = () => (postgres ? openPostgresqlStore(postgres.url) : openSqliteStore(join(dir!, 'sync.db')));
  const start = async () => {
    if (running) return;
    running = await startServer({ store: await open(), port });
    url = running.url;
    port = Number(new URL(url).port);
  };
  const stop = async () => {
    const server = running;
    running = undefined;
    await server?.close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewind-sync-e2e-'));
    if (store === 'postgresql') postgres = await startPostgres();
    await start();
  }, 60_000);
  afterAll(async () => {
    await stop();
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const server: TestSyncServer = {
    store,
    get url() {
      return url;
    },
    stop,
    start,
    async events({ spaceId, secret }) {
      const events: PulledEvent[] = [];
      for (let after = 0, more = true; more; ) {
        const response = await fetch(`${url}/spaces/${spaceId}/events?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${secret}` } });
        if (!response.ok) throw new Error(`GET /events answered ${response.status}: ${await response.text()}`);
        const page = (await response.json()) as { events: PulledEvent[]; last: number; more: boolean };
        events.push(...page.events);
        ({ last: after, more } = page);
      }
      return events;
    },
  };
  return () => {
    if (!url) throw new Error('The sync server is not running: call useSyncServer() at the top of the test file.');
    return server;
  };
}

/** The space a pairing link names (its query holds the server, the space and the secret). */
export function accessOf(link: string): SpaceAccess {
  const query = new URLSearchParams(link.slice(link.lastIndexOf('?') + 1));
  return { spaceId: query.get('space')!, secret: query.get('secret')! };
}
