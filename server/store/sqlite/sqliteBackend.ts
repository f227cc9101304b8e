import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Event } from '@event-driven-io/emmett';
import { appendToStream, createEventStoreSchema, readMessagesBatch, readStream } from '@event-driven-io/emmett-sqlite';
import { SPACE_CREATED, spaceRecordStream, type EmmettBackend, type SpaceTransaction } from '../emmettBackend.ts';
import { fromMessage, toMessage } from '../emmettMessage.ts';
import { FEED_LINE_SQL, FEED_TABLE, feedBody, feedPage, insertGroups, isCurrentFeed, type FeedPage, type FeedRow } from '../feed.ts';
import { StreamConflictError, type ReadBatch, type SpaceEvent, type SpaceRecord } from '../types.ts';
import { openSafeConnection, type SafeConnection } from './safeConnection.ts';

/**
 * Emmett's SQLite append drops the `partition` option (0.42.4 writes every stream to its
 * default partition), so a space's streams are named `<spaceId>/<stream>` inside Emmett and
 * its reads keep the events under that prefix.
 */
const emmettStream = (spaceId: string, stream: string) => `${spaceId}/${stream}`;

const SCAN_BATCH = 2000;

export async function openSqliteBackend(fileName: string): Promise<EmmettBackend> {
  if (fileName !== ':memory:') mkdirSync(dirname(fileName), { recursive: true });
  const conn = await openSafeConnection(fileName);
  await createEventStoreSchema(conn);
  await createFeed(conn);
  return new SqliteBackend(conn);
}

/**
 * The feed table; a database written before it existed, or with a feed of another
 * shape, gets every space's events copied in from Emmett's read, once, in the
 * transaction that creates it.
 */
async function createFeed(conn: SafeConnection): Promise<void> {
  await conn.withTransaction(async () => {
    const columns = await conn.query<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [FEED_TABLE]);
    if (isCurrentFeed(columns.map((c) => c.name))) return;
    if (columns.length > 0) await conn.command(`DROP TABLE ${FEED_TABLE}`);
    await conn.command(`CREATE TABLE ${FEED_TABLE} (space_id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (space_id, position)) WITHOUT ROWID`);
    for (let after = 0n, more = true; more; ) {
      const batch = await readMessagesBatch(conn, { after, batchSize: SCAN_BATCH });
      const bySpace = new Map<string, FeedRow[]>();
      for (const message of batch.messages) {
        const slash = message.metadata.streamName.indexOf('/');
        if (slash < 0) continue;
        const { position, device, event } = fromMessage(message);
        const spaceId = message.metadata.streamName.slice(0, slash);
        const rows = bySpace.get(spaceId) ?? [];
        rows.push({ position, body: feedBody(device, event) });
        bySpace.set(spaceId, rows);
      }
      for (const [spaceId, rows] of bySpace) await insertFeed(conn, spaceId, rows);
      after = batch.currentGlobalPosition;
      more = batch.areEventsLeft;
    }
  });
}

async function insertFeed(conn: SafeConnection, spaceId: string, rows: readonly FeedRow[]): Promise<void> {
  for (const group of insertGroups(rows))
    await conn.command(
      `INSERT INTO ${FEED_TABLE} (space_id, position, body) VALUES ${group.map(() => '(?, ?, ?)').join(', ')}`,
      group.flatMap((row) => [spaceId, row.position, row.body]),
    );
}

class SqliteBackend implements EmmettBackend {
  readonly kind = 'sqlite' as const;

  constructor(private readonly conn: SafeConnection) {}

  transaction<T>(spaceId: string, work: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    const { conn } = this;
    return conn.withTransaction(() =>
      work({
        readStream: (stream) => this.readStream(spaceId, stream),
        async append(batches, device, commitId) {
          const positions: number[][] = [];
          const feed: FeedRow[] = [];
          for (const { stream, expectedVersion, events } of batches) {
            const messages = events.map((event) => {
              const message = toMessage(event, device, commitId);
              // Emmett types `data` as an object; a payload may be any JSON value, which its JSON column keeps alike.
              return { ...message, metadata: { ...message.metadata, messageId: event.meta.id } } as unknown as Event;
            });
            const result = await appendToStream(conn, emmettStream(spaceId, stream), stream.split('-')[0]!, messages, {
              expectedStreamVersion: BigInt(expectedVersion),
            });
            // A failed expected version returns without throwing, after Emmett moved the stream's position: throwing rolls that back.
            if (!result.success) throw new StreamConflictError(stream, expectedVersion);
            const last = Number(result.lastGlobalPosition);
            const batchPositions = events.map((_, i) => last - events.length + 1 + i);
            events.forEach((event, i) => feed.push({ position: batchPositions[i]!, body: feedBody(device, event) }));
            positions.push(batchPositions);
          }
          // The commit's feed rows in one statement: a statement is a trip to sqlite3's thread pool.
          await insertFeed(conn, spaceId, feed);
          return positions;
        },
      }),
    );
  }

  async readAfter(spaceId: string, after: number, limit: number): Promise<ReadBatch> {
    const prefix = `${spaceId}/`;
    const events: SpaceEvent[] = [];
    let from = BigInt(after);
    // Every space shares Emmett's default partition here: read in order and keep this space's events.
    for (;;) {
      const batch = await this.conn.exclusive(() => readMessagesBatch(this.conn, { after: from, batchSize: Math.max(SCAN_BATCH, limit + 1) }));
      for (const message of batch.messages) {
        if (!message.metadata.streamName.startsWith(prefix)) continue;
        if (events.length === limit) return { events, more: true };
        events.push(fromMessage(message));
      }
      if (!batch.areEventsLeft) return { events, more: false };
      from = batch.currentGlobalPosition;
    }
  }

  async readFeed(spaceId: string, after: number, limit: number): Promise<FeedPage> {
    const rows = await this.conn.exclusive(() =>
      this.conn.query<{ position: number; line: string }>(`SELECT position, ${FEED_LINE_SQL} AS line FROM ${FEED_TABLE} WHERE space_id = ? AND position > ? ORDER BY position LIMIT ?`, [spaceId, after, limit + 1]),
    );
    return feedPage(rows, after, limit);
  }

  async saveSpace(space: SpaceRecord): Promise<void> {
    const { spaceId, ...data } = space;
    await this.conn.withTransaction(async () => {
      const result = await appendToStream(this.conn, spaceRecordStream(spaceId), 'space', [{ type: SPACE_CREATED, data }], { expectedStreamVersion: 0n });
      if (!result.success) throw new Error(`Space ${spaceId} exists already.`);
    });
  }

  async loadSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    const { events } = await this.conn.exclusive(() => readStream(this.conn, spaceRecordStream(spaceId)));
    const created = events.find((e) => e?.type === SPACE_CREATED);
    return created && { spaceId, ...(created.data as Omit<SpaceRecord, 'spaceId'>) };
  }

  close(): Promise<void> {
    return this.conn.shut();
  }

  private async readStream(spaceId: string, stream: string): Promise<SpaceEvent[]> {
    const { events } = await readStream(this.conn, emmettStream(spaceId, stream));
    return events.filter((e) => e !== null).map(fromMessage);
  }
}
