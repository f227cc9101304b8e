import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Dexie } from 'dexie';

/**
 * Where a fault strikes:
 * - `transaction`: opening a read-write transaction on the log fails (a lost connection does this);
 * - `write`: a write request on one of `tables` fails;
 * - `commit`: the writes all succeed, then the transaction aborts as it commits (a full disk does this);
 *   for the writes a commit makes on the transaction itself, both abort it at commit() with the error;
 * - `read`: a read request on one of `tables` fails;
 * - `scan`: a read of the log's tail in seq order fails (every read of events does one: subscriptions, replays), other reads work.
 */
export type FaultPoint = 'transaction' | 'write' | 'commit' | 'read' | 'scan';

interface Fault {
  point: FaultPoint;
  error: () => Error;
  times: number;
  tables?: readonly string[];
}

export interface Faults {
  /** Fails the next `times` operations at `point` (every one when `times` is Infinity). */
  fail(point: FaultPoint, error: () => Error, options?: { times?: number; tables?: readonly string[] }): void;
  clear(): void;
  /** How many operations have failed so far. */
  readonly hits: number;
}

export const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
export const connectionLost = () =>
  new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');

/**
 * Injects storage faults under Dexie through a DBCore middleware, the layer
 * right above IndexedDB. The database is reopened so the middleware is in place
 * for every later call.
 */
export async function injectFaults(db: Dexie): Promise<Faults> {
  const faults: Fault[] = [];
  let hits = 0;

  function take(point: FaultPoint, table?: string): Error | undefined {
    const fault = faults.find((f) => f.point === point && f.times > 0 && (!f.tables || (table !== undefined && f.tables.includes(table))));
    if (!fault) return undefined;
    fault.times -= 1;
    hits += 1;
    return fault.error();
  }

  function abortAsCommitFails(trans: DBCoreTransaction, error: Error): void {
    const idb = trans as unknown as IDBTransaction;
    Object.defineProperty(idb, 'error', { get: () => error, configurable: true });
    idb.abort();
  }

  const isScan = (table: DBCoreTable, request: { trans: DBCoreTransaction; query: { index: { isPrimaryKey?: boolean } } }) =>
    table.name === 'tail' && request.query.index.isPrimaryKey === true && (request.trans as unknown as IDBTransaction).mode === 'readonly';

  const wrapTable = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    mutate: async (request: DBCoreMutateRequest) => {
      const error = take('write', table.name);
      if (error) throw error;
      const result = await table.mutate(request);
      const atCommit = take('commit', table.name);
      if (atCommit) abortAsCommitFails(request.trans, atCommit);
      return result;
    },
    get: (request) => {
      const error = take('read', table.name);
      return error ? Promise.reject(error) : table.get(request);
    },
    getMany: (request) => {
      const error = take('read', table.name);
      return error ? Promise.reject(error) : table.getMany(request);
    },
    query: (request) => {
      const error = take('read', table.name) ?? (isScan(table, request) ? take('scan') : undefined);
      return error ? Promise.reject(error) : table.query(request);
    },
    openCursor: (request) => {
      const error = take('read', table.name) ?? (isScan(table, request) ? take('scan') : undefined);
      return error ? Promise.reject(error) : table.openCursor(request);
    },
  });

  /**
   * A commit writes on the transaction itself, then calls commit() (see
   * commitWrites). A fault taken by one of those writes, or at that commit,
   * aborts the transaction with its error instead of committing: what the
   * browser does when a request or the commit fails.
   */
  function watchNativeWrites(trans: DBCoreTransaction): void {
    const idb = trans as unknown as IDBTransaction;
    const objectStore = idb.objectStore.bind(idb);
    const commit = idb.commit.bind(idb);
    let failed: Error | undefined;
    idb.objectStore = (name: string) => {
      const store = objectStore(name);
      const write =
        (method: 'add' | 'put') =>
        (...args: Parameters<IDBObjectStore['put']>) => {
          failed ??= take('write', name) ?? take('commit', name);
          return store[method](...args);
        };
      return Object.assign(Object.create(store) as IDBObjectStore, { add: write('add'), put: write('put') });
    };
    idb.commit = () => (failed ? abortAsCommitFails(trans, failed) : commit());
  }

  db.use({
    stack: 'dbcore',
    name: 'test-faults',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite' && stores.includes('tail')) {
          const error = take('transaction');
          if (error) throw error;
        }
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite') watchNativeWrites(trans);
        return trans;
      },
      table: (name) => wrapTable(down.table(name)),
    }),
  });
  db.close({ disableAutoOpen: false });
  await db.open();

  return {
    fail: (point, error, options = {}) => faults.push({ point, error, times: options.times ?? Infinity, tables: options.tables }),
    clear: () => faults.splice(0),
    get hits() {
      return hits;
    },
  };
}
