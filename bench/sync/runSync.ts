import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EmmettBackend } from '../../server/store/emmettBackend.ts';
import { startServer } from '../../server/http/startServer.ts';
import { openPostgresqlStore, openSqliteStore } from '../../server/store/openStore.ts';
import { openPostgresqlBackend } from '../../server/store/postgresql/postgresqlBackend.ts';
import { openSqliteBackend } from '../../server/store/sqlite/sqliteBackend.ts';
import type { SyncStore } from '../../server/store/types.ts';
import { startPostgres, type ThrowawayPostgres } from '../../test/server/support/postgres.ts';
import type { SyncRun, SyncStoreName } from '../lib/syncMetrics.ts';
import { appendRound } from './appendPhase.ts';
import { liveRun } from './livePhase.ts';
import { pullRound } from './pullPhase.ts';
import { seedSpace, type SeededSpace } from './seedSpace.ts';

export interface SyncBenchOptions {
  /** The production app's origin (the bench's site). */
  baseURL: string;
  /** Events in the space a new device pulls. */
  events: number;
  accounts: number;
  seed: number;
  pullRounds: number;
  liveCommands: number;
  liveWarmup: number;
  appendRounds: number;
  /** Commits each store takes per append round. */
  appendCommits: number;
  serverPullEvents: number;
  /** Only the phases whose names hold one of these words. */
  only?: readonly string[];
  profile: boolean;
  /** Scratch room for the SQLite files and the browser profiles; removed at the end. */
  workRoot: string;
  say(line: string): void;
}

/** The small space the live phase's two devices share: enough accounts to move money on, quick to join. */
const LIVE_SPACE = { events: 2000, accounts: 200 };

interface StoreHandle {
  openBackend(): Promise<EmmettBackend>;
  openStore(): Promise<SyncStore>;
  /** Brings the store to the steady state a server reaches on its own after a bulk write, before anything is timed. */
  settle?(): Promise<void>;
}

/**
 * The sync phases of `npm run bench` (docs/performance.md): a new device
 * pulling a big space from the server on SQLite and on PostgreSQL, a command
 * travelling from one online device to another, and the server's append
 * against Emmett's own. Each phase runs against a sync server of its own, in
 * this process; PostgreSQL is a throwaway cluster started here and removed
 * at the end.
 */
export async function runSync(options: SyncBenchOptions): Promise<SyncRun> {
  const { say } = options;
  const run: SyncRun = { events: options.events, pull: {}, errors: {} };
  const wanted = (name: string) => !options.only || options.only.some((word) => name.includes(word));
  mkdirSync(options.workRoot, { recursive: true });
  const work = mkdtempSync(join(options.workRoot, 'sync-'));
  let postgres: ThrowawayPostgres | undefined;

  async function phase<T>(name: string, fn: () => Promise<T>, summary: (value: T) => string): Promise<T | undefined> {
    if (!wanted(name)) return undefined;
    say(`sync: ${name}…`);
    const t = performance.now();
    try {
      const value = await fn();
      const seconds = (performance.now() - t) / 1000;
      run.timeline = [...(run.timeline ?? []), { phase: name, seconds: Math.round(seconds * 10) / 10, load: loadavg()[0]! }];
      say(`sync: ${name} done in ${seconds.toFixed(1)} s: ${summary(value)}`);
      return value;
    } catch (error) {
      run.errors[name] = error instanceof Error ? error.message : String(error);
      say(`sync: ${name} FAILED: ${run.errors[name]}`);
      return undefined;
    }
  }

  let files = 0;
  const sqlite = (): StoreHandle => {
    const file = join(work, `space-${++files}.db`);
    return { openBackend: () => openSqliteBackend(file), openStore: () => openSqliteStore(file) };
  };
  const postgresql = async (): Promise<StoreHandle> => {
    postgres ??= await startPostgres();
    const { url } = postgres;
    return { openBackend: () => openPostgresqlBackend(url), openStore: () => openPostgresqlStore(url), settle: () => vacuumAnalyze(url) };
  };

  /** Seeds a space through the store layer, then serves it; `use` runs with the server up. */
  async function withSeededServer<T>(handle: StoreHandle, size: { events: number; accounts: number }, use: (server: string, space: SeededSpace) => Promise<T>) {
    const backend = await handle.openBackend();
    let space: SeededSpace;
    try {
      space = await seedSpace(backend, { ...size, seed: options.seed });
    } finally {
      await backend.close();
    }
    await handle.settle?.();
    const server = await startServer({ store: await handle.openStore() });
    try {
      return await use(server.url, space);
    } finally {
      await server.close();
    }
  }

  const pull = (store: SyncStoreName, handle: () => Promise<StoreHandle>) =>
    phase(
      `sync pull ${store}`,
      async () =>
        withSeededServer(await handle(), { events: options.events, accounts: options.accounts }, async (server, space) => {
          const target = { baseURL: options.baseURL, server, spaceId: space.spaceId, secret: space.secret, events: space.events };
          const rounds = [];
          for (let i = 0; i < options.pullRounds; i++) {
            rounds.push(await pullRound(target, work, say, options.profile));
            say(`sync: ${store} round ${i + 1}: ${Math.round(rounds[i]!.ms)} ms`);
          }
          return (run.pull[store] = { seedMs: space.ms, rounds });
        }),
      (p) => `seeded in ${(p.seedMs / 1000).toFixed(1)} s; pulled in ${p.rounds.map((r) => Math.round(r.ms)).join(' / ')} ms`,
    );

  try {
    await pull('sqlite', async () => sqlite());
    await pull('postgresql', postgresql);
    await phase(
      'sync live',
      () =>
        withSeededServer(sqlite(), LIVE_SPACE, async (server, space) => {
          const target = { baseURL: options.baseURL, server, spaceId: space.spaceId, secret: space.secret, events: space.events };
          return (run.live = await liveRun(
            target,
            { commands: options.liveCommands, warmup: options.liveWarmup, seed: options.seed + 2, accounts: space.accounts },
            work,
            say,
          ));
        }),
      (l) => {
        const ms = l.samples.map((s) => s.ms).sort((x, y) => x - y);
        return `${ms.length} commands, median ${Math.round(ms[Math.floor(ms.length / 2)] ?? NaN)} ms, slowest ${Math.round(ms.at(-1) ?? NaN)} ms${l.refused ? `, ${l.refused} refused` : ''}`;
      },
    );
    await phase(
      'sync append',
      async () => {
        postgres ??= await startPostgres();
        const append: NonNullable<SyncRun['append']> = { sqlite: [], postgresql: [] };
        for (let i = 0; i < options.appendRounds; i++) {
          const round = await appendRound({ commits: options.appendCommits, pullEvents: options.serverPullEvents, databaseUrl: postgres.url });
          append.sqlite!.push(round.sqlite);
          append.postgresql!.push(round.postgresql);
        }
        return (run.append = append);
      },
      (a) =>
        (['sqlite', 'postgresql'] as const)
          .map((store) =>
            `${store}: server ${a[store]!.map((r) => Math.round(r.rewindEventsPerS)).join(' / ')} events/s, ` +
            `Emmett ${a[store]!.map((r) => Math.round(r.emmettEventsPerS)).join(' / ')} events/s, ` +
            `pull endpoint ${a[store]!.map((r) => Math.round(r.serverPullEventsPerS)).join(' / ')} events/s`,
          )
          .join('; '),
    );
    return run;
  } finally {
    await postgres?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What PostgreSQL's autovacuum does on its own soon after the seed's 100,000
 * inserts, done at once so it is not timed: planner statistics and a vacuumed
 * table. Pulled straight after the seed, a new device waited 1.6 s in all on
 * the server's reads; after this, it waits on none (docs/sync.md).
 */
async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
