/**
 * The sync server's append throughput against Emmett's own (issue 17: "within 2x"), on SQLite and PostgreSQL,
 * and its pull endpoint's throughput. Prints JSON.
 *
 *   npx tsx bench/sync/serverAppend.ts                 2,000 commits, 100,000 events pulled
 *   npx tsx bench/sync/serverAppend.ts --commits 500 --pull 20000
 *
 * Rewind's path: each commit through the push checks (wire shape, payloads, sizes), the ledger's rules over the
 * streams it touches, duplicate and version checks, and one transaction per commit. Emmett's path: the same
 * events through the event store's own appendToStream, one call per stream (no rules, no atomicity across
 * streams). Each path first appends WARMUP commits untimed, into a space or streams of their own, then the
 * two take turns, CHUNK commits at a time: run one after the other, whichever ran second was measured on
 * warmer code and caches (1.1-1.3x with Emmett's first, about 2x with Rewind's first). PostgreSQL runs in a
 * throwaway cluster unless DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Event } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { getSQLiteEventStore, SQLiteConnectionPool } from '@event-driven-io/emmett-sqlite';
import { syntheticLedger } from '../../src/domain/index.ts';
import { judgeCommit } from '../../server/checks/commitRules.ts';
import { parsePushBody } from '../../server/checks/pushBody.ts';
import { startServer } from '../../server/http/startServer.ts';
import { openPostgresqlStore, openSqliteStore } from '../../server/store/openStore.ts';
import { openSafeConnection } from '../../server/store/sqlite/safeConnection.ts';
import type { PushCommit, SyncStore, WireEvent } from '../../server/store/types.ts';
import { startPostgres } from '../../test/server/support/postgres.ts';

const { values } = parseArgs({ options: { commits: { type: 'string', default: '2000' }, pull: { type: 'string', default: '100000' } } });
const COMMITS = Number(values.commits);
const PULL_EVENTS = Number(values.pull);
const WARMUP = 300;
const CHUNK = 100;

/** A device's commits of 1 or 2 events from a realistic ledger: an opening's events in pairs, a transfer's halves together, every other command alone. */
function commitsOf(events: number, seed: number): PushCommit[] {
  const wire = [...syntheticLedger({ accounts: Math.max(2, Math.round(events / 40)), events, seed })].map(({ type, payload, meta: { seq: _seq, ...meta } }): WireEvent => ({ type, payload, meta }));
  const commits: PushCommit[] = [];
  for (let i = 0; i < wire.length; ) {
    const type = wire[i]!.type;
    const size = type === 'AccountOpened' || type === 'VerificationMessageQueued' || type === 'TransferSent' ? 2 : 1;
    commits.push({ id: `commit-${seed}-${commits.length}`, events: wire.slice(i, i + size) });
    i += size;
  }
  return commits;
}

function commitsForCount(count: number, seed: number): PushCommit[] {
  let events = Math.round(count * 1.3);
  for (;;) {
    const commits = commitsOf(events, seed);
    if (commits.length >= count) return commits.slice(0, count);
    events = Math.round(events * 1.1);
  }
}

const eventsIn = (commits: PushCommit[]) => commits.reduce((n, c) => n + c.events.length, 0);
const perSecond = (events: number, ms: number) => Math.round((events / ms) * 1000);

async function newSpace(store: SyncStore): Promise<string> {
  const spaceId = `Bench${Math.random().toString(36).slice(2).replace(/[^a-z0-9]/g, '')}`.padEnd(22, 'x').slice(0, 22);
  await store.createSpace({ spaceId, secretHash: '00' });
  return spaceId;
}

async function rewindAppend(store: SyncStore, spaceId: string, commits: PushCommit[]): Promise<number> {
  const start = performance.now();
  for (const commit of commits) {
    const body = parsePushBody({ device: 'bench', commits: [commit] });
    if ('code' in body) throw new Error(body.message);
    const outcome = await store.commit(spaceId, body.device, body.commits, judgeCommit);
    if (outcome.refusal) throw new Error(outcome.refusal.message);
  }
  return performance.now() - start;
}

interface EmmettAppender {
  appendToStream(stream: string, events: Event[], options: { expectedStreamVersion: bigint }): Promise<unknown>;
}

async function emmettAppend(store: EmmettAppender, commits: PushCommit[], prefix: string): Promise<number> {
  const start = performance.now();
  for (const commit of commits) {
    for (const stream of new Set(commit.events.map((e) => e.meta.stream))) {
      const events = commit.events.filter((e) => e.meta.stream === stream);
      const messages = events.map((e) => ({ type: e.type, data: e.payload, metadata: { rewind: e.meta, device: 'bench', commit: commit.id } }) as unknown as Event);
      await store.appendToStream(`${prefix}${stream}`, messages, { expectedStreamVersion: BigInt(events[0]!.meta.version - 1) });
    }
  }
  return performance.now() - start;
}

/** Seeds a space with `count` events in large commits, then times pulling them all through GET /events (the server's side: request to body). */
async function pullThroughput(store: SyncStore, count: number): Promise<{ events: number; ms: number; perSecond: number }> {
  const server = await startServer({ store });
  try {
    const { spaceId, secret } = (await (await fetch(`${server.url}/spaces`, { method: 'POST' })).json()) as { spaceId: string; secret: string };
    const events = [...syntheticLedger({ accounts: Math.round(count / 200), events: count, seed: 7 })].map(({ type, payload, meta: { seq: _seq, ...meta } }): WireEvent => ({ type, payload, meta }));
    for (let i = 0; i < events.length; i += 1000) {
      const outcome = await store.commit(spaceId, 'seed', [{ id: `seed-${i}`, events: events.slice(i, i + 1000) }]);
      if (outcome.refusal) throw new Error(outcome.refusal.message);
    }
    const start = performance.now();
    let after = 0;
    let pulled = 0;
    for (let more = true; more; ) {
      const page = (await (await fetch(`${server.url}/spaces/${spaceId}/events?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${secret}` } })).json()) as {
        events: unknown[];
        last: number;
        more: boolean;
      };
      pulled += page.events.length;
      after = page.last;
      more = page.more;
    }
    const ms = performance.now() - start;
    if (pulled !== count) throw new Error(`pulled ${pulled} of ${count} events`);
    return { events: pulled, ms: Math.round(ms), perSecond: perSecond(pulled, ms) };
  } finally {
    await server.close();
  }
}

async function measure(kind: 'sqlite' | 'postgresql', open: () => Promise<SyncStore>, emmett: () => Promise<EmmettAppender & { close(): Promise<void> }>) {
  const commits = commitsForCount(COMMITS, 1);
  const events = eventsIn(commits);
  const warmup = commits.slice(0, WARMUP);
  const rewindStore = await open();
  const emmettStore = await emmett();
  await rewindAppend(rewindStore, await newSpace(rewindStore), warmup);
  await emmettAppend(emmettStore, warmup, `warmup-${kind}-${Date.now()}/`);
  const spaceId = await newSpace(rewindStore);
  const prefix = `bench-${kind}-${Date.now()}/`;
  let rewindMs = 0;
  let emmettMs = 0;
  for (let at = 0; at < commits.length; at += CHUNK) {
    const chunk = commits.slice(at, at + CHUNK);
    rewindMs += await rewindAppend(rewindStore, spaceId, chunk);
    emmettMs += await emmettAppend(emmettStore, chunk, prefix);
  }
  await rewindStore.close();
  await emmettStore.close();
  const pull = await pullThroughput(await open(), PULL_EVENTS);
  const rewind = perSecond(events, rewindMs);
  const own = perSecond(events, emmettMs);
  return {
    commits: commits.length,
    events,
    rewind: { ms: Math.round(rewindMs), eventsPerSecond: rewind },
    emmett: { ms: Math.round(emmettMs), eventsPerSecond: own },
    emmettOverRewind: Number((own / rewind).toFixed(2)),
    pull,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'rewind-bench-sync-'));
const postgres = process.env.DATABASE_URL ? undefined : await startPostgres();
const url = process.env.DATABASE_URL ?? postgres!.url;
try {
  let files = 0;
  const sqlite = await measure(
    'sqlite',
    () => openSqliteStore(join(dir, `rewind-${++files}.db`)),
    async () => {
      // Emmett's store on the same safe single connection: its default pool fails under load (docs/sync.md).
      const fileName = join(dir, 'emmett.db');
      const connection = await openSafeConnection(fileName);
      const store = getSQLiteEventStore({ fileName, pool: SQLiteConnectionPool({ fileName, connectionOptions: { singleton: true, connection } }) });
      return { appendToStream: (s, e, o) => store.appendToStream(s, e, o), close: () => connection.shut() };
    },
  );
  const postgresql = await measure(
    'postgresql',
    () => openPostgresqlStore(url),
    async () => {
      const store = getPostgreSQLEventStore(url);
      await store.schema.migrate();
      return { appendToStream: (s, e, o) => store.appendToStream(s, e, o), close: () => store.close() };
    },
  );
  console.log(JSON.stringify({ machine: { node: process.version }, sqlite, postgresql }, null, 2));
} finally {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}
