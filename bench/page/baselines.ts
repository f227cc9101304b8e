import type { StoredEvent } from '../../src/eventstore/index.ts';
import { ledgerProjections } from '../../src/domain/index.ts';
import { foldAll } from '../../src/replay/index.ts';
import { deleteDatabase, done, openScratch, putAll, result } from './idb.ts';
import { ms, withLog } from './log.ts';
import type { BaselineOptions, BaselineResult, Rate } from './protocol.ts';

const PACKED_DB = 'bench-packed';
const ONE_TX_DB = 'bench-one-tx';

function rate(events: number, elapsed: number): Rate {
  return { events, ms: elapsed, eventsPerS: (events * 1000) / elapsed };
}

/** The events table's layout (src/eventstore/db.ts), for a scratch copy written by raw IndexedDB. */
function createEventsStore(db: IDBDatabase): void {
  const events = db.createObjectStore('events', { keyPath: 'meta.seq' });
  events.createIndex('meta.id', 'meta.id', { unique: true });
  events.createIndex('[meta.stream+meta.version]', ['meta.stream', 'meta.version']);
  events.createIndex('meta.at', 'meta.at');
  events.createIndex('type', 'type');
}

async function packedBaselines(rows: StoredEvent[], packSize: number) {
  await deleteDatabase(PACKED_DB);
  const db = await openScratch(PACKED_DB, (d) => {
    d.createObjectStore('pages', { keyPath: 'page' });
    d.createObjectStore('json', { keyPath: 'page' });
  });
  try {
    const pages: { page: number; events: StoredEvent[] }[] = [];
    for (let i = 0; i < rows.length; i += packSize) pages.push({ page: i / packSize, events: rows.slice(i, i + packSize) });
    let t = performance.now();
    for (let i = 0; i < pages.length; i += 100) await putAll(db, 'pages', pages.slice(i, i + 100));
    const writeMs = ms(t);
    const json = pages.map((p) => ({ page: p.page, json: JSON.stringify(p.events) }));
    for (let i = 0; i < json.length; i += 100) await putAll(db, 'json', json.slice(i, i + 100));

    t = performance.now();
    const read = await result(db.transaction('pages').objectStore('pages').getAll());
    const packedMs = ms(t);
    const packedEvents = read.reduce((n: number, p: { events: StoredEvent[] }) => n + p.events.length, 0);

    t = performance.now();
    const texts = await result(db.transaction('json').objectStore('json').getAll());
    const t2 = performance.now();
    let jsonEvents = 0;
    for (const record of texts as { json: string }[]) jsonEvents += (JSON.parse(record.json) as unknown[]).length;
    const jsonMs = ms(t);
    return {
      rawPacked: { ...rate(packedEvents, packedMs), records: read.length, writeMs },
      rawPackedJson: { ...rate(jsonEvents, jsonMs), parseMs: ms(t2) },
    };
  } finally {
    db.close();
    await deleteDatabase(PACKED_DB);
  }
}

async function oneTxBaseline(rows: StoredEvent[], commands: number) {
  await deleteDatabase(ONE_TX_DB);
  const db = await openScratch(ONE_TX_DB, createEventsStore);
  try {
    const events = Array.from({ length: commands }, (_, i) => {
      const e = rows[i % rows.length]!;
      return { ...e, meta: { ...e.meta, seq: i + 1, id: `one-tx-${i + 1}`, version: i + 1 } };
    });
    const t = performance.now();
    // Default durability, as the event store's own transactions have.
    await Promise.all(
      events.map((event) => {
        const tx = db.transaction('events', 'readwrite');
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

/**
 * The ceilings and floors every target is measured against, on the same data in
 * the same browser: raw IndexedDB reading one record per event and packed
 * records, the naive replay, and one transaction per command.
 */
export async function baselines(options: BaselineOptions): Promise<BaselineResult> {
  return withLog(async (store) => {
    const last = await store.lastSeq();
    const count = Math.min(options.cap, last);
    const db = store.db.backendDB();

    let t = performance.now();
    const rows = (await result(db.transaction('events').objectStore('events').getAll(IDBKeyRange.bound(1, count)))) as StoredEvent[];
    const rawRows = rate(rows.length, ms(t));

    const packed = await packedBaselines(rows, options.packSize);
    const oneTx = await oneTxBaseline(rows, options.oneTxCommands);
    rows.length = 0;

    t = performance.now();
    const pageSize = 5000;
    let read = 0;
    for (let next = 1; next <= count; ) {
      const page = await store.readAll({ fromSeq: next, toSeq: count, limit: pageSize });
      if (page.length === 0) break;
      read += page.length;
      next = page[page.length - 1]!.meta.seq + 1;
    }
    const storeRead = { ...rate(read, ms(t)), pageSize };

    t = performance.now();
    const all = await store.db.events.limit(count).toArray();
    const readMs = ms(t);
    const t2 = performance.now();
    foldAll(ledgerProjections, all);
    const foldMs = ms(t2);
    const naive = { ...rate(all.length, readMs + foldMs), readMs, foldMs };

    return { rawRows, ...packed, naive, storeRead, oneTx };
  });
}
