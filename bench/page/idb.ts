/** Thin promises over raw IndexedDB, for the seeding and the baselines (the app itself goes through Dexie). */

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Puts every row into `store` in one transaction. */
export function putAll(db: IDBDatabase, store: string, rows: readonly unknown[], durability: IDBTransactionDurability = 'relaxed'): Promise<void> {
  const tx = db.transaction(store, 'readwrite', { durability });
  const os = tx.objectStore(store);
  for (const row of rows) os.put(row);
  return done(tx);
}

/** Opens (creating at version 1) a scratch database of the benchmark. */
export function openScratch(name: string, create: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => create(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another connection still open: the delete goes through once it closes.
    request.onblocked = () => resolve();
  });
}
