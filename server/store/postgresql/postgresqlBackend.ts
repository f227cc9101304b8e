import { dumbo, nodePostgresSQLExecutor, setNodePostgresTypeRawParser, single, sql, sqlExecutor, type SQL, type SQLExecutor } from '@event-driven-io/dumbo';
import pg from 'pg';
import { callAppendToStream, defaultTag, getPostgreSQLEventStore, readMessagesBatch, readStream } from '@event-driven-io/emmett-postgresql';
import { SPACE_CREATED, spaceRecordStream, type EmmettBackend, type SpaceTransaction } from '../emmettBackend.ts';
import { fromMessage, toMessage, type EmmettMessage } from '../emmettMessage.ts';
import { FEED_LINE_SQL, FEED_TABLE, feedBody, feedPage, insertGroups, isCurrentFeed, type FeedPage, type FeedRow } from '../feed.ts';
import { StreamConflictError, type ReadBatch, type SpaceEvent, type SpaceRecord } from '../types.ts';

const UNIQUE_VIOLATION = '23505';

interface AppendRow {
  success: boolean;
  next_stream_position: string | null;
  global_positions: string[] | null;
}

/**
 * Emmett's PostgreSQL store with each space as its own partition (Emmett's stream key is
 * stream, partition): a commit's streams are appended by Emmett's own SQL function in one
 * transaction that first takes the space's advisory lock, so positions inside a space are
 * handed out in commit order and a pull "after N" never skips one.
 */
export async function openPostgresqlBackend(connectionString: string): Promise<EmmettBackend> {
  const schemaStore = getPostgreSQLEventStore(connectionString);
  await schemaStore.schema.migrate();
  await schemaStore.close();
  await addPullIndex(connectionString);
  // dumbo's jsonb parser turns any numeric-looking string of 16+ digits into a BigInt (an account number among
  // them): events must come back as they were sent, so jsonb is parsed as plain JSON, for the whole process.
  setNodePostgresTypeRawParser({ force: true });
  // A pool of our own (dumbo shares one per connection string) with an error listener: an idle
  // connection dropped by a database restart must not crash the server.
  const pgPool = new pg.Pool({ connectionString });
  pgPool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const pool = dumbo({ connectionString, pool: pgPool });
  await createFeed(pool);
  return new PostgresqlBackend(pool, pgPool);
}

/** Pages read while copying a space into a new feed. */
const BACKFILL_BATCH = 5000;

/**
 * The feed table; a database written before it existed, or with a feed of another
 * shape, gets every space's events copied in from Emmett's reads, once, in the
 * transaction that creates it (servers starting together take turns on an advisory lock).
 */
async function createFeed(pool: ReturnType<typeof dumbo>): Promise<void> {
  await pool.withTransaction(async ({ execute }) => {
    await execute.query(sql('SELECT pg_advisory_xact_lock(hashtext(%L))', FEED_TABLE));
    const { rows } = await execute.query<{ column_name: string }>(
      sql(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %L ORDER BY ordinal_position`, FEED_TABLE),
    );
    if (isCurrentFeed(rows.map((r) => r.column_name))) return { success: true, result: undefined };
    if (rows.length > 0) await execute.command(sql(`DROP TABLE ${FEED_TABLE}`));
    await execute.command(sql(`CREATE TABLE ${FEED_TABLE} (space_id text NOT NULL, position bigint NOT NULL, body text NOT NULL, PRIMARY KEY (space_id, position))`));
    for (const spaceId of await spaceIds(execute))
      for (let after = 0n, more = true; more; ) {
        const batch = await readMessagesBatch(execute, { after, batchSize: BACKFILL_BATCH, partition: spaceId });
        const events = batch.messages.map(fromMessage);
        await insertFeed(execute, spaceId, events.map(({ position, device, event }) => ({ position, body: feedBody(device, event) })));
        after = batch.currentGlobalPosition;
        more = batch.areMessagesLeft;
      }
    return { success: true, result: undefined };
  });
}

/** Every space, from the records in Emmett's default partition. */
async function spaceIds(execute: SQLExecutor): Promise<string[]> {
  const ids: string[] = [];
  for (let after = 0n, more = true; more; ) {
    const batch = await readMessagesBatch(execute, { after, batchSize: BACKFILL_BATCH, partition: defaultTag });
    for (const message of batch.messages) {
      const { streamName } = message.metadata as { streamName: string };
      const prefix = spaceRecordStream('');
      if (message.type === SPACE_CREATED && streamName.startsWith(prefix)) ids.push(streamName.slice(prefix.length));
    }
    after = batch.currentGlobalPosition;
    more = batch.areMessagesLeft;
  }
  return ids;
}

async function insertFeed(execute: SQLExecutor, spaceId: string, rows: readonly FeedRow[]): Promise<void> {
  for (const group of insertGroups(rows))
    await execute.command(
      sql(`INSERT INTO ${FEED_TABLE} (space_id, position, body) VALUES ${group.map((row) => sql('(%L, %s, %L)', spaceId, row.position, row.body)).join(', ')}`),
    );
}

/**
 * Emmett 0.42 indexes emt_messages only by stream, so its readMessagesBatch (ordered by transaction id, then
 * position) sorts a space's whole partition for every page. This index on Emmett's own table, made on every
 * space's partition, lets a page read in order; the table and Emmett's queries are unchanged.
 */
async function addPullIndex(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('CREATE INDEX IF NOT EXISTS emt_messages_rewind_pull ON emt_messages (partition, transaction_id, global_position)');
  } finally {
    await client.end();
  }
}

class PostgresqlBackend implements EmmettBackend {
  readonly kind = 'postgresql' as const;

  constructor(
    private readonly pool: ReturnType<typeof dumbo>,
    private readonly pgPool: pg.Pool,
  ) {}

  /**
   * A transaction on one pooled connection, opened with the space's lock in one round trip: a commit then
   * costs BEGIN-and-lock, its appends and COMMIT, as many trips as Emmett's own append of one stream.
   */
  async transaction<T>(spaceId: string, work: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    const client = await this.pgPool.connect();
    const execute = sqlExecutor(nodePostgresSQLExecutor(), { connect: () => Promise.resolve(client), close: () => Promise.resolve() });
    let broken: unknown;
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext(${client.escapeLiteral(spaceId)}))`);
      const result = await work({
        readStream: (stream) => readSpaceStream(execute, spaceId, stream),
        async append(batches, device, commitId) {
          const positions: number[][] = [];
          for (const { stream, expectedVersion, events } of batches) {
            const messages = events.map((event) => toMessage(event, device, commitId));
            const append = appendSql(spaceId, stream, events.map((e) => e.meta.id), messages, expectedVersion);
            const bodies = events.map((event) => feedBody(device, event));
            const row = await single(execute.command<AppendRow>(withFeedRows(append, spaceId, bodies))).catch(
              (error: unknown) => {
                // Expecting a new stream where one exists: the stream row's unique key refuses it, as Emmett's own append reads it.
                if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new StreamConflictError(stream, expectedVersion);
                throw error;
              },
            );
            if (!row.success || !row.global_positions) throw new StreamConflictError(stream, expectedVersion);
            positions.push(row.global_positions.map(Number));
          }
          return positions;
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async readAfter(spaceId: string, after: number, limit: number): Promise<ReadBatch> {
    const batch = await readMessagesBatch(this.pool.execute, { after: BigInt(after), batchSize: limit + 1, partition: spaceId });
    const events = batch.messages.slice(0, limit).map(fromMessage);
    return { events, more: batch.messages.length > limit };
  }

  async readFeed(spaceId: string, after: number, limit: number): Promise<FeedPage> {
    const { rows } = await this.pool.execute.query<{ position: string; line: string }>(
      sql(`SELECT position, ${FEED_LINE_SQL} AS line FROM ${FEED_TABLE} WHERE space_id = %L AND position > %s ORDER BY position LIMIT %s`, spaceId, after, limit + 1),
    );
    return feedPage(
      rows.map((row) => ({ position: Number(row.position), line: row.line })),
      after,
      limit,
    );
  }

  async saveSpace(space: SpaceRecord): Promise<void> {
    const { spaceId, ...data } = space;
    await this.pool.execute.command(sql('SELECT emt_add_partition(%L)', spaceId));
    await this.pool.withTransaction(async ({ execute }) => {
      const message = { type: SPACE_CREATED, data, metadata: {} } as unknown as EmmettMessage;
      const row = await single(execute.command<AppendRow>(appendSqlIn(defaultTag, spaceRecordStream(spaceId), 'space', [spaceId], [message], 0)));
      if (!row.success) throw new Error(`Space ${spaceId} exists already.`);
      return { success: true, result: undefined };
    });
  }

  async loadSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    const { events } = await readStream(this.pool.execute, spaceRecordStream(spaceId));
    const created = events.find((e) => e?.type === SPACE_CREATED);
    return created && { spaceId, ...(created.data as Omit<SpaceRecord, 'spaceId'>) };
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.pgPool.end();
  }
}

async function readSpaceStream(execute: SQLExecutor, spaceId: string, stream: string): Promise<SpaceEvent[]> {
  const { events } = await readStream(execute, stream, { partition: spaceId });
  return events.filter((e) => e !== null).map(fromMessage);
}

const appendSql = (spaceId: string, stream: string, ids: string[], messages: EmmettMessage[], expectedVersion: number) =>
  appendSqlIn(spaceId, stream, stream.split('-')[0]!, ids, messages, expectedVersion);

/**
 * Emmett's append and the feed rows of what it appended, in one statement (one round trip): the feed
 * rows take the positions Emmett hands out, and none is written when the append does not succeed.
 */
function withFeedRows(append: SQL, spaceId: string, bodies: readonly string[]): SQL {
  return sql(
    `WITH appended AS (%s),
     fed AS (
       INSERT INTO ${FEED_TABLE} (space_id, position, body)
       SELECT %L, row.position, row.body FROM appended CROSS JOIN LATERAL unnest(appended.global_positions, ARRAY[%s]::text[]) AS row(position, body)
       WHERE appended.success
     )
     SELECT * FROM appended`,
    append,
    spaceId,
    bodies.map((body) => sql('%L', body)).join(','),
  );
}

/** Emmett's emt_append_to_stream call, its parameters built as Emmett's own append builds them. */
function appendSqlIn(partition: string, stream: string, streamType: string, ids: string[], messages: EmmettMessage[], expectedVersion: number) {
  return callAppendToStream({
    messageIds: ids.map((id) => sql('%L', id)).join(','),
    messagesData: messages.map((m) => sql('%L', JSON.stringify(m.data))).join(','),
    messagesMetadata: messages.map((m) => sql('%L', JSON.stringify(m.metadata))).join(','),
    schemaVersions: messages.map(() => `'1'`).join(','),
    messageTypes: messages.map((m) => sql('%L', m.type)).join(','),
    messageKinds: messages.map(() => `'E'`).join(','),
    streamId: stream,
    streamType,
    expectedStreamPosition: String(expectedVersion),
    partition,
  });
}
