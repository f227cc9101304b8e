import { Dexie } from 'dexie';
import { watchConnection } from './storage/connection.ts';
import type { RewindDatabase, SnapshotRecord } from './storage/database.ts';
import { lastPageKey, type TailRecord } from './pages/pageCodec.ts';
import { EventStoreClosedError } from './errors.ts';
import { closedError, type StoreHealth } from './storage/health.ts';
import { placeBatches, prepareBatches, type Placed } from './log/prepareAppend.ts';
import { IdFilter } from './indexes/idFilter.ts';
import { IdRunCache, findSealedIds, lastSeqOf, mergeFound, type EventLines } from './log/pageReads.ts';
import { commitTables, commitWrites, fillsPage, sealPages } from './log/commit.ts';
import { tailRecordOf } from './pages/tailCodec.ts';
import { STREAM_BUCKETS } from './indexes/streamRecords.ts';
import { StreamLookup, streamTables } from './indexes/streamLookup.ts';
import { onLogReplaced, openLiveDatabase } from './import/registry.ts';
import { LogReplacedError, SEAL_CHECKPOINT } from './import/retiredLog.ts';
import { snapshotMethods } from './sideTables/snapshotStore.ts';
import { readMethods } from './log/logReads.ts';
import { Subscription, wakeWhenShown } from './log/subscription.ts';
import { TailCache } from './log/tailCache.ts';
import type {
  AppendManyOptions,
  AppendOptions,
  AppendResult,
  EventInput,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamBatch,
  StreamInfo,
  SubscriptionHandler,
  Unsubscribe,
} from './types.ts';

/** Stream buckets read ahead per transaction (see warmStreams). */
const WARM_SLICE = 32;

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

export interface ReadLinesOptions {
  /** Inclusive; defaults to 1. */
  fromSeq?: number;
  /** Inclusive; defaults to the last seq. */
  toSeq?: number;
  limit?: number;
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
  /** The events of a seq range (ascending) as canonical NDJSON, the lines an export file carries. */
  readLines(options?: ReadLinesOptions): Promise<EventLines>;
  /** Which of these ids the log holds, with their seqs. */
  hasIds(ids: readonly string[]): Promise<Map<string, number>>;
  /** The seq of the newest event, 0 when the log is empty. */
  lastSeq(): Promise<number>;
  /** How many events the stream holds (0 when it does not exist). */
  streamVersion(stream: string): Promise<number>;
  /** streamVersion of each stream, in one read. */
  streamVersions(streams: readonly string[]): Promise<number[]>;
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
  /**
   * Resolves once the pages this store's appends filled are sealed. Sealing is
   * housekeeping done after an append resolves (the events are durable in the
   * tail by then, and readers find them there); tests that inspect the stored
   * layout wait for it.
   */
  settled(): Promise<void>;
  saveSnapshot(snapshot: SnapshotInput): Promise<void>;
  /** The newest snapshot of that projection version with seq <= maxSeq. */
  loadSnapshot(name: string, version: number, maxSeq?: number): Promise<SnapshotRecord | undefined>;
  /** The seq of the snapshot loadSnapshot would load, from the keys alone (no state is read); undefined when none. */
  snapshotSeq(name: string, version: number, maxSeq?: number): Promise<number | undefined>;
  deleteSnapshots(name?: string): Promise<void>;
  /** Deletes one snapshot (one that could not be read, say). */
  deleteSnapshot(name: string, version: number, seq: number): Promise<void>;
  /**
   * Deletes every snapshot whose projection name and version are not in `keep`
   * (read models since removed or changed), and says how many went.
   */
  pruneSnapshots(keep: readonly { name: string; version: number }[]): Promise<number>;
  getCheckpoint(name: string): Promise<number>;
  setCheckpoint(name: string, seq: number): Promise<void>;
  /** Whether this tab can still use the log, and why not (see StoreHealth). */
  health(): StoreHealth;
  onHealthChange(listener: (health: StoreHealth) => void): Unsubscribe;
  close(): void;
}

export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  const { name } = options;
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const keyframes = options.keyframes ?? 24;
  // The log's name is resolved through the registry: an import may have moved it to another database.
  const db: RewindDatabase = await openLiveDatabase(name, options.dexie);

  const subscriptions = new Set<Subscription>();
  const idLookup = { runs: new IdRunCache(), filter: new IdFilter() };
  const tailCache = new TailCache();
  const streamLookup = new StreamLookup();
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
    return seen(await lastSeqOf(db));
  }

  /** Hands a commit of this tab to this tab's subscriptions without reading it back. */
  function deliver(events: StoredEvent[]): void {
    subscriptions.forEach((s) => s.offer(events));
    channel?.postMessage('appended');
  }

  /**
   * Seals the pages a commit filled, after the commit: its commands do not wait
   * for it (at 1M events a burst's seals took longer than its commit). Seals of
   * one store run one after another; a failure leaves the events in the tail,
   * where readers find them too.
   */
  let sealing: Promise<void> = Promise.resolve();
  function sealLater(): Promise<void> {
    sealing = sealing.then(seal);
    return sealing;
  }

  /** Housekeeping this store does on its own: a failure is only worth a warning (`fallback` says what happens instead), and none once the store has ended. */
  function housekeeping(work: Promise<unknown>, fallback: string): Promise<void> {
    return work.then(
      () => undefined,
      (error: unknown) => {
        if (!connection.ended) console.warn(fallback, error);
      },
    );
  }

  function seal(): Promise<void> {
    const work = run(async () => {
      const sealed = await sealPages(db, tailCache);
      if (!sealed) return;
      tailCache.sealed(sealed.left);
      for (const written of sealed.runs) idLookup.filter.addRun(written.first, written.hashes);
      if (sealed.streams) streamLookup.merged(sealed.streams.from, sealed.streams.through, sealed.streams.written);
    }, 'write');
    return housekeeping(work, 'Could not seal a page of the event log; it stays in the tail.');
  }

  /** Builds the id filter, in its own transaction, once a lookup could not use it; until then lookups read the buckets. */
  function buildIdFilter(): void {
    if (!idLookup.filter.wanted || connection.ended) return;
    void housekeeping(run(() => idLookup.filter.build(db), 'read'), 'Could not build the id filter; id lookups read the id buckets instead.');
  }

  // A page a crashed tab committed but never sealed is sealed now rather than at the next page boundary; in the
  // background, since readers find those events in the tail meanwhile and a page load should not wait for it.
  void sealLater();

  // A store that writes reads every stream bucket once, in the background, so its commits find each stream's
  // position in memory rather than reading a bucket per new stream (a bucket holds its streams' heads: ~40 KB at
  // 1M). A slice at a time, each in its own transaction, so no single task decodes all of them (~10 MB at 1M).
  let warming: Promise<void> | undefined;
  async function warmStreams(): Promise<void> {
    for (let first = 0; first < STREAM_BUCKETS; first += WARM_SLICE) {
      const slice = Array.from({ length: Math.min(WARM_SLICE, STREAM_BUCKETS - first) }, (_, i) => first + i);
      await run(() => db.transaction('r', streamTables(db), () => streamLookup.warm(db, slice)), 'read');
    }
  }

  async function appendMany(batches: StreamBatch[], appendOptions: AppendManyOptions = {}): Promise<AppendResult[]> {
    if (connection.ended) throw closedError(connection.health.get());
    warming ??= housekeeping(warmStreams(), 'Could not read the stream buckets ahead; commits read them as needed.');
    if (replaced) throw new LogReplacedError(name);
    const prepared = prepareBatches(batches, clock, newId);
    const allIds = prepared.flatMap((b) => b.events.map((e) => e.meta.id));
    const streamNames = prepared.map((b) => b.stream);
    let lost = false;
    // Everything is prepared above: inside the transaction only IndexedDB requests are awaited.
    const transaction = () => db.transaction('rw', commitTables(db), async (tx) => {
      // Asked for once, with the other reads: the lookups need it when the tail or the runs are empty, and
      // asking after their own key reads would cost a second round trip to IndexedDB (~0.3 ms of ~2).
      const lastPage = lastPageKey(db);
      const [sealed, tail, sealedIds, streamsWith] = await Promise.all([
        db.checkpoints.get(SEAL_CHECKPOINT),
        tailCache.view(db, lastPage),
        findSealedIds(db, allIds, idLookup, lastPage),
        streamLookup.sealed(db, streamNames, lastPage),
      ]);
      const streams = streamsWith(tail);
      // An import or restore switched the log to another database; this one is only a backup now.
      if (sealed) throw new LogReplacedError(name);
      const existing = mergeFound(allIds, tail, sealedIds);
      const lastSeq = seen(tail.lastSeq);
      if (lastSeq < highestSeq) {
        lost = true;
        throw new EventStoreClosedError();
      }
      const placed = placeBatches(prepared, existing, (stream) => streams.version(stream), lastSeq);
      const record = placed.rows.length > 0 ? tailRecordOf(placed.rows) : undefined;
      commitWrites(db, tx.idbtrans, record, appendOptions.checkpoint);
      return { ...placed, record };
    });
    let committed: Placed & { record: TailRecord | undefined };
    try {
      committed = await run(transaction, 'append');
      seen(committed.seq);
    } catch (error) {
      if (!lost) throw error;
      connection.end({ state: 'deleted' });
      throw closedError(connection.health.get());
    }
    const { results, rows, record } = committed;
    if (record) tailCache.committed(record);
    buildIdFilter();
    if (rows.length > 0) {
      deliver(rows);
      if (fillsPage(rows[0]!.meta.seq, rows[rows.length - 1]!.meta.seq)) void sealLater();
    } else if (results.some((r) => r.lastSeq > 0)) {
      // A retry that found the batch already stored: the first attempt may have landed unannounced.
      notifyAppended();
    }
    return results;
  }

  const reads = readMethods({ db, run, seen, tailCache, streamLookup, idLookup, idsLookedUp: buildIdFilter });

  return {
    name,
    db,
    append: async (stream, events, appendOptions = {}) => {
      const [result] = await appendMany([{ stream, events, expectedVersion: appendOptions.expectedVersion }]);
      return result!;
    },
    appendMany,
    ...reads,
    lastSeq: () => run(readLastSeq, 'read'),
    subscribe: (fromSeq, handler, onError = (error) => console.error('Event subscription failed', error)) => {
      // A store that has ended delivers nothing more; what the subscriber holds stays as it is.
      if (connection.ended) return () => {};
      const subscription = new Subscription(
        fromSeq,
        (seq, limit) => reads.readAll({ fromSeq: seq, limit }),
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
    settled: () => sealing,
    ...snapshotMethods(db, connection.run, clock, keyframes),
    getCheckpoint: (checkpointName) => run(async () => (await db.checkpoints.get(checkpointName))?.seq ?? 0, 'read'),
    setCheckpoint: async (checkpointName, seq) => {
      await run(() => db.checkpoints.put({ name: checkpointName, seq }), 'write');
    },
    health: () => connection.health.get(),
    onHealthChange: (listener) => connection.health.subscribe(listener),
    close: () => connection.end({ state: 'closed' }),
  };
}

