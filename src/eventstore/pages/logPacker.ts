import { IdTable, idHash, type IdBucketRecord, mergeIntoBuckets } from '../indexes/idRecords.ts';
import { EVENTS_PER_PAGE, pageOf, type PageRecord } from './pageCodec.ts';
import { extendRecords, type Positions, type StreamChunkRecord, type StreamRecord } from '../indexes/streamRecords.ts';
import { tailRecordOf, type TailRecord } from './tailCodec.ts';
import type { StoredEvent } from '../types.ts';

/**
 * Turns a whole log, given in seq order a batch at a time, into the stored
 * layout: full aligned pages as they fill, and at the end the tail, the id
 * buckets, and each stream's record and chunks past its head (held in memory
 * meanwhile: ~12 bytes an id and ~9 a seq). Used by the bulk import and by
 * the upgrade from the v1 layout.
 * Events that do not continue the seqs without a gap (a damaged log) go to the
 * tail, which readers accept in any order after the pages.
 */
export class LogPacker {
  readonly ids = new IdTable();
  private readonly streams = new Map<string, Positions>();
  private pending: StoredEvent[] = [];
  private readonly loose: StoredEvent[] = [];
  private next = 0;

  /** The events already added and not yet in a full page, by seq (for a duplicate check). */
  pendingEvent(seq: number): StoredEvent | undefined {
    return this.pending.find((e) => e.meta.seq === seq) ?? this.loose.find((e) => e.meta.seq === seq);
  }

  /** Adds events; returns the pages they completed. */
  add(events: readonly StoredEvent[]): PageRecord[] {
    const pages: PageRecord[] = [];
    for (const event of events) {
      const { seq, id, stream, version } = event.meta;
      this.ids.add(idHash(String(id)), seq);
      let seqs = this.streams.get(stream);
      if (!seqs) this.streams.set(stream, (seqs = { fromVersion: version, seqs: [] }));
      seqs.seqs.push(seq);
      const continues = this.loose.length === 0 && (this.next === 0 ? (seq - 1) % EVENTS_PER_PAGE === 0 : seq === this.next);
      if (!continues) {
        this.loose.push(event);
        continue;
      }
      this.next = seq + 1;
      this.pending.push(event);
      if (this.pending.length === EVENTS_PER_PAGE) {
        pages.push(pageOf(this.pending));
        this.pending = [];
      }
    }
    return pages;
  }

  /** What remains to write once every event was added. */
  finish(): { tail: TailRecord[]; buckets: IdBucketRecord[]; chunks: StreamChunkRecord[]; streams: StreamRecord[] } {
    const tail = [this.pending, this.loose].filter((events) => events.length > 0).map(tailRecordOf);
    // The same fold a merge of stream runs does, from no stored record: heads, chunks past them, versions.
    const records = new Map<string, StreamRecord>();
    const chunks = extendRecords(records, this.streams, () => undefined);
    const streams = [...records.values()];
    return { tail, buckets: mergeIntoBuckets(new Map(), this.ids.pairs()), chunks, streams };
  }
}
