import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import { RewindDatabase } from '../storage/database.ts';
import { databaseOf } from '../storage/databaseOf.ts';
import type { StoreLifecycle } from '../interfaces.ts';
import { tryWithImportLock } from './importLock.ts';
import { isRetired, reinstateDatabase } from '../log/retiredLog.ts';

/**
 * Which IndexedDB database holds a log. A log's name (`'rewind'`) is resolved
 * through this tiny registry, so an import can fill a fresh database at its own
 * pace and then make it the live log in one small transaction: a closed tab or a
 * failure before that switch leaves the log exactly as it was, and the replaced
 * database stays behind as a restorable backup.
 */
export interface LogRecord {
  /** The name callers open, e.g. `'rewind'`. */
  name: string;
  /** The IndexedDB database that holds the live log. */
  live: string;
  /** The database the last import or restore replaced; kept until the next one or until discarded. */
  backup?: string;
  /** When `backup` stopped being live (ISO-8601 UTC). */
  backupSince?: string;
  /** Scratch databases of imports that have not finished: running, or cut off by a closed tab. */
  pending: string[];
  /** Databases no longer needed; deleted after a switch, retried at the next open when that fails. */
  trash: string[];
}

export type DatabaseDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

export interface LogReplacedInfo {
  log: string;
  live: string;
  backup?: string;
  reason: 'import' | 'restore';
}

const REGISTRY_DB = 'rewind-registry';

class RegistryDatabase extends Dexie {
  logs!: EntityTable<LogRecord, 'name'>;
  constructor(deps: DatabaseDeps) {
    super(REGISTRY_DB, { ...definedDeps(deps), chromeTransactionDurability: 'strict' });
    this.version(1).stores({ logs: 'name' });
  }
}

/** Dexie spreads its options over its defaults, so an explicit `undefined` would erase a default. */
export function definedDeps(deps: DatabaseDeps | undefined): DatabaseDeps {
  const out: DatabaseDeps = {};
  if (deps?.indexedDB) out.indexedDB = deps.indexedDB;
  if (deps?.IDBKeyRange) out.IDBKeyRange = deps.IDBKeyRange;
  return out;
}

/** The IndexedDB implementation a database was opened with, to open its siblings the same way. */
export function depsOfDatabase(db: Dexie): DatabaseDeps {
  return definedDeps({ indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange });
}

/** The IndexedDB implementation an open store uses, to open the log's other databases the same way. */
export function depsOf(store: StoreLifecycle): DatabaseDeps {
  return depsOfDatabase(databaseOf(store));
}

async function withRegistry<T>(deps: DatabaseDeps, fn: (registry: RegistryDatabase) => Promise<T>): Promise<T> {
  const registry = new RegistryDatabase(deps);
  try {
    return await fn(registry);
  } finally {
    registry.close();
  }
}

export async function updateRecord(log: string, deps: DatabaseDeps, change: (record: LogRecord) => LogRecord): Promise<LogRecord> {
  return withRegistry(deps, (registry) =>
    registry.transaction('rw', registry.logs, async () => {
      const next = change((await registry.logs.get(log)) ?? blankRecord(log));
      await registry.logs.put(next);
      return next;
    }),
  );
}

function blankRecord(log: string): LogRecord {
  return { name: log, live: log, pending: [], trash: [] };
}

export async function readLogRecord(log: string, deps: DatabaseDeps = {}): Promise<LogRecord> {
  return withRegistry(deps, async (registry) => (await registry.logs.get(log)) ?? blankRecord(log));
}

function channelName(log: string): string {
  return `rewind-log:${log}`;
}

/** Databases this tab made live, so its own stores can tell "replaced here" from "replaced by another tab". */
const switchedHere = new Set<string>();

/** Tells every tab (this one included) that `log` now lives in another database. */
export function announceReplaced(info: LogReplacedInfo): void {
  switchedHere.add(info.live);
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName(info.log));
  channel.postMessage(info);
  channel.close();
}

/**
 * Calls `handler` whenever an import or a restore (in any tab) switches `log` to
 * another database; `here` says whether this tab made the switch. The app then
 * reopens the store and rebuilds its memory image.
 */
export function onLogReplaced(log: string, handler: (info: LogReplacedInfo & { here: boolean }) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName(log));
  channel.onmessage = (message: MessageEvent<LogReplacedInfo>) => handler({ ...message.data, here: switchedHere.has(message.data.live) });
  return () => channel.close();
}

async function deleteDatabase(physical: string, deps: DatabaseDeps): Promise<void> {
  await new Dexie(physical, definedDeps(deps)).delete();
}

/** Deletes the databases in the record's trash; one that cannot be deleted now stays listed for the next open. */
export async function emptyTrash(log: string, deps: DatabaseDeps): Promise<void> {
  const { trash } = await readLogRecord(log, deps);
  for (const physical of trash) {
    await deleteDatabase(physical, deps);
    await updateRecord(log, deps, (r) => ({ ...r, trash: r.trash.filter((t) => t !== physical) }));
  }
}

/** A database that could not be deleted stays in the trash and is tried again at the next open. */
export function warnTrash(log: string): (error: unknown) => void {
  return (error) => console.warn(`Could not delete an old copy of "${log}"; will retry at the next open.`, error);
}

/**
 * Opens the database that is live for `log`, first tidying what an interrupted
 * import left behind (when no import is running): its scratch database, and the
 * retired marker it may have put on the live database before the tab closed.
 */
export async function openLiveDatabase(log: string, deps: DatabaseDeps = {}): Promise<RewindDatabase> {
  for (let attempt = 0; ; attempt++) {
    const record = await readLogRecord(log, deps);
    // Strict: an append resolves only once Chromium has flushed it to disk (its default, relaxed, stops at the OS cache).
    const db = new RewindDatabase(record.live, { ...definedDeps(deps), chromeTransactionDurability: 'strict' });
    await db.open();
    const retired = await isRetired(db);
    if (!retired && record.pending.length === 0 && record.trash.length === 0) return db;
    await tryWithImportLock(log, async () => {
      const current = await readLogRecord(log, deps);
      if (current.live === db.name && (await isRetired(db))) await reinstateDatabase(db);
      await updateRecord(log, deps, (r) => ({ ...r, pending: [], trash: [...r.trash, ...r.pending] }));
    });
    // A tab that was switched away while we opened: follow the registry to the new live database.
    if (retired && (await isRetired(db)) && attempt < 2) {
      db.close();
      continue;
    }
    void emptyTrash(log, deps).catch(warnTrash(log));
    return db;
  }
}
