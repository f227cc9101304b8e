import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Event } from '@event-driven-io/emmett';
import { appendToStream, createEventStoreSchema, readMessagesBatch, readStream } from '@event-driven-io/emmett-sqlite';
import { SPACE_CREATED, spaceRecordStream, type EmmettBackend, type SpaceTransaction } from '../emmettBackend.ts';
import { fromMessage, toMessage } from '../emmettMessage.ts';
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
  return new SqliteBackend(conn);
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
          for (const { stream, expectedVersion, events } of batches) {
            const messages = events.map((event) => {
              const message = toMessage(event, device, commitId, false);
              // Emmett types `data` as an object; a payload may be any JSON value, which its JSON column keeps alike.
              return { ...message, metadata: { ...message.metadata, messageId: event.meta.id } } as unknown as Event;
            });
            const result = await appendToStream(conn, emmettStream(spaceId, stream), stream.split('-')[0]!, messages, {
              expectedStreamVersion: BigInt(expectedVersion),
            });
            // A failed expected version returns without throwing, after Emmett moved the stream's position: throwing rolls that back.
            if (!result.success) throw new StreamConflictError(stream, expectedVersion);
            const last = Number(result.lastGlobalPosition);
            positions.push(events.map((_, i) => last - events.length + 1 + i));
          }
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
