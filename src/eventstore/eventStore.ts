import { watchConnection } from './storage/connection.ts';
import { registerDatabase } from './storage/databaseOf.ts';
import { onLogReplaced, openLiveDatabase } from './import/registry.ts';
import type { EventStore, OpenEventStoreOptions } from './interfaces.ts';
import { appendMethods } from './log/append.ts';
import { Housekeeping } from './log/housekeeping.ts';
import { logContext } from './log/logContext.ts';
import { readMethods } from './log/logReads.ts';
import { Subscribers } from './log/subscribers.ts';
import { checkpointStore } from './sideTables/checkpointStore.ts';
import { documentStore } from './sideTables/documentStore.ts';
import { snapshotStore } from './sideTables/snapshotStore.ts';

/** Opens the log named in `options`, composed of its parts: the log, snapshots, checkpoints, documents and lifecycle. */
export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  const { name } = options;
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  // The log's name is resolved through the registry: an import may have moved it to another database.
  const db = await openLiveDatabase(name, options.dexie);

  // Ended for good (closed, or a newer version took over): subscribers keep what they have and hear nothing more.
  const connection = watchConnection(db, () => {
    subscribers.stop();
    stopWatchingReplace();
  });
  let replaced = false;
  const stopWatchingReplace = onLogReplaced(name, (info) => {
    if (info.live === db.name) return;
    replaced = true;
    connection.health.set({ state: 'replaced', here: info.here });
  });

  const log = logContext(name, db, connection);
  const housekeeping = new Housekeeping(log);
  const reads = readMethods(log, () => housekeeping.buildIdFilter());
  const subscribers = new Subscribers(name, (seq, limit) => reads.readAll({ fromSeq: seq, limit }));
  // A page a crashed tab committed but never sealed is sealed now, in the background: readers find its events in the tail meanwhile.
  void housekeeping.sealIfDue();

  const store: EventStore = {
    name,
    ...appendMethods({ log, housekeeping, subscribers, replaced: () => replaced, clock, newId }),
    ...reads,
    // A store that has ended delivers nothing more; what the subscriber holds stays as it is.
    subscribe: (fromSeq, handler, onError = (error) => console.error('Event subscription failed', error)) =>
      connection.ended ? () => {} : subscribers.subscribe(fromSeq, handler, onError),
    notifyAppended: () => subscribers.notifyAppended(),
    settled: () => housekeeping.settled(),
    ...snapshotStore(db, connection.run, clock, options.keyframes ?? 24),
    ...checkpointStore(db, connection.run),
    ...documentStore(db, connection.run),
    health: () => connection.health.get(),
    onHealthChange: (listener) => connection.health.subscribe(listener),
    close: () => connection.end({ state: 'closed' }),
  };
  registerDatabase(store, db);
  return store;
}
