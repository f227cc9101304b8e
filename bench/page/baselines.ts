import type { StoredEvent } from '../../src/eventstore/index.ts';
import { ledgerProjections } from '../../src/domain/index.ts';
import { foldAll } from '../../src/replay/index.ts';
import { deleteDatabase, done, openScratch, putAll, result } from './idb.ts';
import { ms, withLog } from './log.ts';
import type { BaselineOptions, BaselineResult, PackedReads, Rate } from './protocol.ts';
import { RowsDatabase } from './rowsDb.ts';

const PACKED_DB = 'bench-packed';
const ONE_TX_DB = 'bench-one-tx';

function rate(events: number, elapsed: number): Rate {
  return { events, ms: elapsed, eventsPerS: (events * 1000) / elapsed };
}

/** The events table's layout (src/eventstore/storage/database.ts), for a scratch copy written by raw IndexedDB. */
function createEventsStore(db: IDBDatabase): void {
  const events = db.createObjectStore('events', { keyPath: 'meta.seq' });
  events.createIndex('meta.id', 'meta.id', { unique: true });
  events.createIndex('[meta.stream+meta.version]', ['meta.stream', 'meta.version']);
  events.createIndex('meta.at', 'meta.at');
  events.createIndex('type', 'type');
}

/** Reads every record of `store` with one getAll and counts the events `count` finds in them. */
async function readAllRecords(db: IDBDatabase, store: string, count: (records: unknown[]) => number): Promise<Rate> {
  const t = performance.now();
  const records = await result(db.transaction(store).objectStore(store).getAll());
  const events = count(records);
  return rate(events, ms(t));
}

/** Writes the same events packed `packSize` to a record, as structured-clone arrays and as JSON text. */
async function writePacked(rows: StoredEvent[], packSize: number): Promise<{ records: number; writeMs: number }> {
  await deleteDatabase(PACKED_DB);
  const db = await openScratch(PACKED_DB, (d) => {
    d.createObjectStore('pages', { keyPath: 'page' });
    d.createObjectStore('json', { keyPath: 'page' });
  });
  try {
    let writeMs = 0;
    for (let i = 0, page = 0; i < rows.length; i += packSize * 100) {
      const pages = [];
      for (let j = i; j < Math.min(rows.length, i + packSize * 100); j += packSize) pages.push({ page: page++, events: rows.slice(j, j + packSize) });
      const t = performance.now();
      await putAll(db, 'pages', pages);
      writeMs += ms(t);
      await putAll(db, 'json', pages.map((p) => ({ page: p.page, json: JSON.stringify(p.events) })));
    }
    return { records: Math.ceil(rows.length / packSize), writeMs };
  } finally {
    db.close();
  }
}

/**
 * One readwrite transaction per command, all started at once, with the
 * durability given: 'strict' is what the event store's commits use (an
 * acknowledged command is on disk, see src/eventstore/import/registry.ts), so that is
 * the rate group commit is measured against; 'relaxed' (Chromium's default) is
 * reported beside it.
 */
async function oneTxBaseline(rows: StoredEvent[], commands: number, durability: IDBTransactionDurability) {
  await deleteDatabase(ONE_TX_DB);
  const db = await openScratch(ONE_TX_DB, createEventsStore);
  try {
    const events = Array.from({ length: commands }, (_, i) => {
      const e = rows[i % rows.length]!;
      return { ...e, meta: { ...e.meta, seq: i + 1, id: `one-tx-${i + 1}`, version: i + 1 } };
    });
    const t = performance.now();
    await Promise.all(
      events.map((event) => {
        const tx = db.transaction('events', 'readwrite', { durability });
        tx.objectStore('events').put(event);
        return done(tx);
      }),
    );
    const elapsed = ms(t);
    return { commands, ms: elapsed, perS: (commands * 1000) / elapsed };
  } finally {
    db.close();
    await deleteDatabase(ONE_TX_DB);
  }
}

/** Runs `fn` with the baselines' one-record-per-event copy of the first events (seeded beside the log). */
async function withRows<T>(fn: (rows: RowsDatabase, count: number) => Promise<T>, cap: number): Promise<T> {
  const rows = new RowsDatabase();
  await rows.open();
  try {
    const count = Math.min(cap, await rows.events.count());
    if (count === 0) throw new Error('The baselines\' copy of the events is empty: seed the profile anew (--fresh).');
    return await fn(rows, count);
  } finally {
    rows.close();
  }
}

/**
 * The ceilings and floors every target is measured against, on the same data in
 * the same browser. Three steps, each on a fresh page so that no step reads
 * with the previous one's garbage on the heap. First: raw IndexedDB reading one
 * record per event, one transaction per command, and the packed copies written.
 */
export async function baselineRows(options: BaselineOptions): Promise<Pick<BaselineResult, 'rawRows' | 'oneTx' | 'oneTxRelaxed'> & { packedWrite: { records: number; writeMs: number } }> {
  return withRows(async (rowsDb, count) => {
    const db = rowsDb.backendDB();
    const readRows = () => result(db.transaction('events').objectStore('events').getAll(IDBKeyRange.bound(1, count))) as Promise<StoredEvent[]>;
    // Untimed: the first read after the browser starts finds LevelDB's caches cold, which no later read does.
    await readRows();
    const t = performance.now();
    const rows = await readRows();
    const rawRows = rate(rows.length, ms(t));
    const oneTx = await oneTxBaseline(rows, options.oneTxCommands, 'strict');
    const oneTxRelaxed = await oneTxBaseline(rows, options.oneTxCommands, 'relaxed');
    const packedWrite = await writePacked(rows, options.packSize);
    return { rawRows, oneTx, oneTxRelaxed, packedWrite };
  }, options.cap);
}

/** Second: the packed copies read back with one getAll each (structured clone, then JSON text parsed). */
export async function baselinePacked(): Promise<PackedReads> {
  const db = await openScratch(PACKED_DB, () => {
    throw new Error('The packed copy is missing: run baselineRows first.');
  });
  try {
    const rawPacked = await readAllRecords(db, 'pages', (r) => (r as { events: unknown[] }[]).reduce((n, p) => n + p.events.length, 0));
    let parseMs = 0;
    const rawPackedJson = await readAllRecords(db, 'json', (r) => {
      const t = performance.now();
      let n = 0;
      for (const record of r as { json: string }[]) n += (JSON.parse(record.json) as unknown[]).length;
      parseMs = ms(t);
      return n;
    });
    return { rawPacked, rawPackedJson: { ...rawPackedJson, parseMs } };
  } finally {
    db.close();
    await deleteDatabase(PACKED_DB);
  }
}

/** Third: the store's own paged read (what replay does, without folding) and the naive replay. */
export async function baselineNaive(options: Pick<BaselineOptions, 'cap'>): Promise<Pick<BaselineResult, 'naive' | 'storeRead'>> {
  const naive = await withRows(async (rows, count) => {
    const t = performance.now();
    const all = await rows.events.limit(count).toArray();
    const readMs = ms(t);
    const t2 = performance.now();
    // The plain fold: every event through every read model's `apply`, one at a time.
    foldAll(ledgerProjections, all);
    const foldMs = ms(t2);
    return { ...rate(all.length, readMs + foldMs), readMs, foldMs };
  }, options.cap);
  return withLog(async (store) => {
    const count = Math.min(options.cap, await store.lastSeq());
    const t = performance.now();
    const batchSize = 5000;
    let read = 0;
    for (let next = 1; next <= count; ) {
      const batch = await store.readAll({ fromSeq: next, toSeq: count, limit: batchSize });
      if (batch.length === 0) break;
      read += batch.length;
      next = batch[batch.length - 1]!.meta.seq + 1;
    }
    return { naive, storeRead: { ...rate(read, ms(t)), batchSize } };
  });
}
