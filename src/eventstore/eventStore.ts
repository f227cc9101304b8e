import { Dexie } from 'dexie';
import { canonicalJson } from './canonical.ts';
import { watchConnection } from './connection.ts';
import type { RewindDatabase, SnapshotRecord } from './db.ts';
import { DuplicateEventError, EventStoreClosedError, InvalidEventError, WrongExpectedVersionError } from './errors.ts';
import { closedError, type StoreHealth } from './health.ts';
import { pruneKeyframes } from './keyframes.ts';
import { onLogReplaced, openLiveDatabase } from './registry.ts';
import { LogReplacedError, SEAL_CHECKPOINT } from './seal.ts';
import { Subscription, wakeWhenShown } from './subscription.ts';
import type {
  AppendManyOptions,
  AppendOptions,
  AppendResult,
  EventInput,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamBatch,
  StreamInfo,
  SubscriptionHandler,
  Unsubscribe,
} from './types.ts';
import { assertSize, assertValidBatch } from './validate.ts';

export interface OpenEventStoreOptions {
  /** The IndexedDB database name. */
  name: string;
  /** Where "now" comes from; tests pass a fixed clock. */
  clock?: () => Date;
  /** Makes ids for events appended without one. */
  newId?: () => string;
  /** How many snapshots of each projection to keep as keyframes for time travel. */
  keyframes?: number;
  /** Dexie options, e.g. `{ indexedDB, IDBKeyRange }` for another IndexedDB implementation. */
  dexie?: ConstructorParameters<typeof Dexie>[1];
}

export interface SnapshotInput {
  name: string;
  version: number;
  seq: number;
  state: unknown;
}

export interface EventStore {
  readonly name: string;
  /** The Dexie database, for the edges that need bulk access (file import). */
  readonly db: RewindDatabase;
  append(stream: string, events: EventInput[], options?: AppendOptions): Promise<AppendResult>;
  /** Appends to several streams in one transaction: all of them land, or none. */
  appendMany(batches: StreamBatch[], options?: AppendManyOptions): Promise<AppendResult[]>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** The seq of the newest event, 0 when the log is empty. */
  lastSeq(): Promise<number>;
  /** How many events the stream holds (0 when it does not exist). */
  streamVersion(stream: string): Promise<number>;
  listStreams(): Promise<StreamInfo[]>;
  /** The seq of the newest event recorded at or before `time` (0 when none). */
  seqAtTime(time: Date | string): Promise<number>;
  /**
   * Delivers every event from `fromSeq` (inclusive) in order, then live appends,
   * including those made by other tabs on the same database.
   */
  subscribe(fromSeq: number, handler: SubscriptionHandler, onError?: (error: unknown) => void): Unsubscribe;
  /** Tells subscribers of this tab and other tabs to look for new events (after a bulk write). */
  notifyAppended(): void;
  saveSnapshot(snapshot: SnapshotInput): Promise<void>;
  /** The newest snapshot of that projection version with seq <= maxSeq. */
  loadSnapshot(name: string, version: number, maxSeq?: number): Promise<SnapshotRecord | undefined>;
  deleteSnapshots(name?: string): Promise<void>;
  getCheckpoint(name: string): Promise<number>;
  setCheckpoint(name: string, seq: number): Promise<void>;
  /** Whether this tab can still use the log, and why not (see StoreHealth). */
  health(): StoreHealth;
  onHealthChange(listener: (health: StoreHealth) => void): Unsubscribe;
  close(): void;
}

function contentKey(e: { type: string; payload: unknown; meta: Partial<StoredEvent['meta']> }): string {
  const { causationId, correlationId, schema, sample, stream } = e.meta;
  return canonicalJson({ type: e.type, payload: e.payload, stream, causationId, correlationId, schema, sample });
}

function expectedMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  if (expected === 'stream_exists') return actual > 0;
  return expected === actual;
}

function assertExpectedVersion(expected: unknown): asserts expected is ExpectedVersion | undefined {
  if (expected === undefined || expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidEventError(
    `expectedVersion must be 'any', 'no_stream', 'stream_exists' or a whole number >= 0, not ${String(expected)}`,
  );
}

export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  const { name } = options;
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const keyframes = options.keyframes ?? 24;
  // The log's name is resolved through the registry: an import may have moved it to another database.
  const db: RewindDatabase = await openLiveDatabase(name, options.dexie);

  const subscriptions = new Set<Subscription>();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`rewind-eventstore:${name}`);
  let replaced = false;
  // The newest seq this tab has seen; the log never shrinks, so a lower one means the database was deleted under us.
  let highestSeq = 0;
  const seen = (seq: number) => {
    if (seq > highestSeq) highestSeq = seq;
    return seq;
  };
  const connection = watchConnection(db, () => {
    // Ended for good (closed, or a newer version took over): subscribers keep what they have and hear nothing more.
    subscriptions.forEach((s) => s.stop());
    subscriptions.clear();
    channel?.close();
    stopWatchingReplace();
    stopWatchingVisibility();
  });
  const run = connection.run;
  const stopWatchingReplace = onLogReplaced(name, (info) => {
    if (info.live === db.name) return;
    replaced = true;
    connection.health.set({ state: 'replaced', here: info.here });
  });
  const wakeAll = () => subscriptions.forEach((s) => s.wake());
  if (channel) channel.onmessage = wakeAll;
  const stopWatchingVisibility = wakeWhenShown(wakeAll);

  function notifyAppended(): void {
    wakeAll();
    channel?.postMessage('appended');
  }

  async function readLastSeq(): Promise<number> {
    return seen(((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0);
  }

  function prepare(batches: StreamBatch[]): { stream: string; expected: ExpectedVersion; events: StoredEvent[] }[] {
    if (!Array.isArray(batches)) throw new InvalidEventError('appendMany takes an array of { stream, events } batches');
    const streams = new Set<string>();
    const ids = new Set<string>();
    return batches.map((batch) => {
      assertValidBatch(batch?.events, batch?.stream);
      assertExpectedVersion(batch.expectedVersion);
      if (streams.has(batch.stream)) throw new InvalidEventError(`stream "${batch.stream}" is named twice in one append`);
      streams.add(batch.stream);
      const at = clock().toISOString();
      const events = batch.events.map((input, index) => {
        // Optional meta left undefined is dropped: IndexedDB would keep the key, JSON would not.
        const given = Object.entries(input.meta ?? {}).filter(([, value]) => value !== undefined);
        const meta = { ...Object.fromEntries(given), id: input.meta?.id ?? newId(), at: input.meta?.at ?? at };
        if (ids.has(meta.id)) throw new InvalidEventError(`id "${meta.id}" appears twice in one append`, index);
        ids.add(meta.id);
        // Positions are filled in inside the transaction; the largest they can be counts toward the size limit.
        const event: StoredEvent = {
          type: input.type,
          payload: input.payload ?? null,
          meta: { ...meta, seq: Number.MAX_SAFE_INTEGER, stream: batch.stream, version: Number.MAX_SAFE_INTEGER },
        };
        assertSize(event, index);
        return event;
      });
      return { stream: batch.stream, expected: batch.expectedVersion ?? 'any', events };
    });
  }

  async function appendMany(batches: StreamBatch[], appendOptions: AppendManyOptions = {}): Promise<AppendResult[]> {
    if (connection.ended) throw closedError(connection.health.get());
    if (replaced) throw new LogReplacedError(name);
    const prepared = prepare(batches);
    const allIds = prepared.flatMap((b) => b.events.map((e) => e.meta.id));
    let lost = false;
    // Everything is prepared above: inside the transaction only IndexedDB requests are awaited.
    const transaction = () => db.transaction('rw', [db.events, db.streams, db.checkpoints], async () => {
      const [seal, storedWithIds] = await Promise.all([
        db.checkpoints.get(SEAL_CHECKPOINT),
        db.events.where('meta.id').anyOf(allIds).toArray(),
      ]);
      // An import or restore switched the log to another database; this one is only a backup now.
      if (seal) throw new LogReplacedError(name);
      const existing = new Map<string, StoredEvent>();
      for (const stored of storedWithIds) existing.set(stored.meta.id, stored);
      let seq = await readLastSeq();
      if (seq < highestSeq) {
        lost = true;
        throw new EventStoreClosedError();
      }
      let wroteAny = false;
      const results: AppendResult[] = [];
      const rows: StoredEvent[] = [];
      const streamRows: StreamInfo[] = [];
      for (const batch of prepared) {
        const stored = batch.events.map((e) => existing.get(e.meta.id));
        stored.forEach((s, i) => {
          // Content is compared only for ids already stored, so a plain append never serialises twice.
          if (s && contentKey(s) !== contentKey(batch.events[i]!)) throw new DuplicateEventError(s.meta.id);
        });
        const found = stored.filter((s): s is StoredEvent => s !== undefined);
        if (found.length > 0 && found.length === batch.events.length) {
          // A retry of a batch that already landed: hand back where it landed.
          results.push({
            firstSeq: found[0]!.meta.seq,
            lastSeq: found[found.length - 1]!.meta.seq,
            version: found[found.length - 1]!.meta.version,
          });
          continue;
        }
        if (found.length > 0) throw new DuplicateEventError(found[0]!.meta.id);
        const info = await db.streams.get(batch.stream);
        const actual = info?.version ?? 0;
        if (!expectedMatches(batch.expected, actual))
          throw new WrongExpectedVersionError(batch.stream, batch.expected, actual);
        if (batch.events.length === 0) {
          results.push({ firstSeq: 0, lastSeq: 0, version: actual });
          continue;
        }
        const firstSeq = seq + 1;
        batch.events.forEach((e, i) => {
          seq += 1;
          rows.push({ ...e, meta: { ...e.meta, seq, version: actual + i + 1 } });
        });
        const version = actual + batch.events.length;
        streamRows.push({ stream: batch.stream, version, lastSeq: seq });
        results.push({ firstSeq, lastSeq: seq, version });
        wroteAny = true;
      }
      if (wroteAny) {
        await db.events.bulkAdd(rows);
        await db.streams.bulkPut(streamRows);
      }
      if (appendOptions.checkpoint) await db.checkpoints.put({ ...appendOptions.checkpoint });
      return { results, seq };
    });
    let results: AppendResult[];
    try {
      const committed = await run(transaction, 'append');
      seen(committed.seq);
      results = committed.results;
    } catch (error) {
      if (!lost) throw error;
      connection.end({ state: 'deleted' });
      throw closedError(connection.health.get());
    }
    // Also after a retry that found the batch already stored: the first attempt may have landed unannounced.
    if (results.some((r) => r.lastSeq > 0)) notifyAppended();
    return results;
  }

  async function streamVersion(stream: string): Promise<number> {
    return run(async () => (await db.streams.get(stream))?.version ?? 0, 'read');
  }

  async function readStream(stream: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backward = opts.direction === 'backward';
    const from = opts.fromVersion ?? (backward ? Number.MAX_SAFE_INTEGER : 1);
    const to = opts.toVersion ?? (backward ? 1 : Number.MAX_SAFE_INTEGER);
    const [lo, hi] = backward ? [to, from] : [from, to];
    if (lo > hi) return [];
    let query = db.events.where('[meta.stream+meta.version]').between([stream, lo], [stream, hi], true, true);
    if (backward) query = query.reverse();
    if (opts.limit !== undefined) query = query.limit(opts.limit);
    return run(() => query.toArray(), 'read');
  }

  async function readAll(opts: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const backward = opts.direction === 'backward';
    const from = opts.fromSeq ?? (backward ? Number.MAX_SAFE_INTEGER : 1);
    const to = opts.toSeq ?? (backward ? 1 : Number.MAX_SAFE_INTEGER);
    const [lo, hi] = backward ? [to, from] : [from, to];
    if (lo > hi) return [];
    let query = db.events.where(':id').between(lo, hi, true, true);
    if (backward) query = query.reverse();
    if (opts.limit !== undefined) query = query.limit(opts.limit);
    const events = await run(() => query.toArray(), 'read');
    if (events.length > 0) seen(Math.max(events[0]!.meta.seq, events[events.length - 1]!.meta.seq));
    return events;
  }

  return {
    name,
    db,
    append: async (stream, events, appendOptions = {}) => {
      const [result] = await appendMany([{ stream, events, expectedVersion: appendOptions.expectedVersion }]);
      return result!;
    },
    appendMany,
    readStream,
    readAll,
    lastSeq: () => run(readLastSeq, 'read'),
    streamVersion,
    listStreams: () => run(() => db.streams.toArray(), 'read'),
    seqAtTime: async (time) => {
      const iso = typeof time === 'string' ? new Date(time).toISOString() : time.toISOString();
      const event = await run(() => db.events.where('meta.at').belowOrEqual(iso).last(), 'read');
      return event?.meta.seq ?? 0;
    },
    subscribe: (fromSeq, handler, onError = (error) => console.error('Event subscription failed', error)) => {
      // A store that has ended delivers nothing more; what the subscriber holds stays as it is.
      if (connection.ended) return () => {};
      const subscription = new Subscription(
        fromSeq,
        (seq, limit) => readAll({ fromSeq: seq, limit }),
        handler,
        onError,
      );
      subscriptions.add(subscription);
      subscription.wake();
      return () => {
        subscription.stop();
        subscriptions.delete(subscription);
      };
    },
    notifyAppended,
    saveSnapshot: async (snapshot) => {
      const savedAt = clock().toISOString();
      await run(() => db.transaction('rw', db.snapshots, async () => {
        await db.snapshots.put({ ...snapshot, savedAt });
        const seqs = (await db.snapshots
          .where('[name+version+seq]')
          .between([snapshot.name, snapshot.version, 0], [snapshot.name, snapshot.version, Infinity], true, true)
          .primaryKeys()) as [string, number, number][];
        const drop = pruneKeyframes(
          seqs.map((k) => k[2]),
          keyframes,
        );
        await db.snapshots.bulkDelete(drop.map((seq) => [snapshot.name, snapshot.version, seq] as [string, number, number]));
      }), 'write');
    },
    loadSnapshot: (snapshotName, version, maxSeq = Number.MAX_SAFE_INTEGER) =>
      run(
        () =>
          db.snapshots
            .where('[name+version+seq]')
            .between([snapshotName, version, 0], [snapshotName, version, maxSeq], true, true)
            .last(),
        'read',
      ),
    deleteSnapshots: async (snapshotName) => {
      await run(async () => {
        if (snapshotName === undefined) await db.snapshots.clear();
        else await db.snapshots.where('[name+version+seq]').between([snapshotName, 0, 0], [snapshotName, Infinity, Infinity]).delete();
      }, 'write');
    },
    getCheckpoint: (checkpointName) => run(async () => (await db.checkpoints.get(checkpointName))?.seq ?? 0, 'read'),
    setCheckpoint: async (checkpointName, seq) => {
      await run(() => db.checkpoints.put({ name: checkpointName, seq }), 'write');
    },
    health: () => connection.health.get(),
    onHealthChange: (listener) => connection.health.subscribe(listener),
    close: () => connection.end({ state: 'closed' }),
  };
}

