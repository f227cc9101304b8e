import { lastPageKey, type RewindDatabase } from './database.ts';
import { sealedThrough } from '../pages/pageCodec.ts';
import { checkedTailRecord, tailEnd, type TailRecord } from '../pages/tailCodec.ts';
import type { StoredEvent } from '../types.ts';

/** The tail as one transaction sees it. */
export interface TailView {
  /** Every tail record, by key (its first seq). */
  readonly records: ReadonlyMap<number, TailRecord>;
  /** The tail's events by id. */
  readonly byId: ReadonlyMap<string, StoredEvent>;
  /** The newest seq of the log (0 when empty). */
  readonly lastSeq: number;
}

interface Known {
  records: Map<number, TailRecord>;
  byId: Map<string, StoredEvent>;
}

const EMPTY: Known = { records: new Map(), byId: new Map() };

/**
 * The tail records one store has read or written, so an append reads only the
 * tail's keys and the records it has not seen, not every unsealed event.
 *
 * Why a cached record can be trusted: a tail record never changes under its key.
 * Appends only add records (under new keys); a seal deletes every record it finds
 * and writes the rest back, possibly under a key that existed (a commit that
 * started a page). Such a seal always deletes the records before that key too,
 * which were in the tail (and so in this cache) ever since, so a key that is
 * gone means "a seal happened": the cache then reads the whole tail again. The
 * events dropped that way are in pages and id runs, written by the same seal
 * transaction that deleted them, so the id index finds them instead.
 *
 * Each refresh builds a new state rather than changing one in place: refreshes of
 * transactions with older views may finish after newer ones, and each lookup
 * must see exactly the tail of its own transaction.
 */
export class TailCache {
  private known: Known = EMPTY;

  /**
   * The tail as the current transaction sees it; call inside a transaction
   * covering `tail` and `pages`. `lastPage` is the newest page's key when the
   * caller has already asked for it (see lastPageKey).
   */
  async view(db: RewindDatabase, lastPage?: Promise<number | undefined>): Promise<TailView> {
    const keys = (await db.tail.toCollection().primaryKeys()) as number[];
    const present = new Set(keys);
    const base = [...this.known.records.keys()].every((key) => present.has(key)) ? this.known : EMPTY;
    const missing = keys.filter((key) => !base.records.has(key));
    // Records read are checked once (a damaged one fails the view); this store's own commits need not be.
    const read = missing.length > 0 ? (await db.tail.bulkGet(missing)).map((record) => record && checkedTailRecord(record)) : [];
    const known = missing.length > 0 ? withRecords(base, read) : base;
    if (known !== this.known) this.known = known;
    // The tail continues the pages, so only an empty tail needs the last page's key.
    const lastSeq = keys.length > 0 ? tailEnd(known.records.get(keys[keys.length - 1]!)!) : sealedThrough(await (lastPage ?? lastPageKey(db)));
    return { records: known.records, byId: known.byId, lastSeq };
  }

  /**
   * Versions lo..hi of `stream`, ascending, when every one of them is among the
   * tail records this store knows; else undefined. No transaction is needed:
   * an event never changes once written, and the count proves none is missing
   * (a stream's versions run without gaps).
   */
  streamEvents(stream: string, lo: number, hi: number): StoredEvent[] | undefined {
    if (hi < lo || hi - lo >= this.known.byId.size) return undefined;
    const found: StoredEvent[] = [];
    for (const record of this.known.records.values())
      for (const event of record.events) if (event.meta.stream === stream && event.meta.version >= lo && event.meta.version <= hi) found.push(event);
    if (found.length !== hi - lo + 1) return undefined;
    return found.sort((a, b) => a.meta.version - b.meta.version);
  }

  /** A commit of this store, once it is durable. */
  committed(record: TailRecord): void {
    if (!this.known.records.has(record.first)) this.known = withRecords(this.known, [record]);
  }

  /** This store sealed pages, leaving `left` in the tail (commits after the seal are read when seen). */
  sealed(left: readonly TailRecord[]): void {
    this.known = withRecords(EMPTY, left);
  }
}

function withRecords(base: Known, records: readonly (TailRecord | undefined)[]): Known {
  const next: Known = { records: new Map(base.records), byId: new Map(base.byId) };
  for (const record of records) {
    if (!record) continue;
    next.records.set(record.first, record);
    for (const event of record.events) next.byId.set(event.meta.id, event);
  }
  return next;
}
