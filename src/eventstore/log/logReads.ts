import { lastPageKey } from '../storage/database.ts';
import { findSealedIds, mergeFound } from '../lookups/idLookup.ts';
import { streamTables, type StreamsView } from '../lookups/streamLookup.ts';
import type { EventLog, ReadLinesOptions } from '../interfaces.ts';
import type { ReadAllOptions, ReadStreamOptions, StoredEvent } from '../types.ts';
import type { LogContext } from './logContext.ts';
import { eventTables, lastSeqOf, readLinesRange, readRange, readSeqs, type EventLines } from '../storage/pageReads.ts';
import type { TailView } from '../storage/tailCache.ts';

type ReadMethods = Pick<EventLog, 'readStream' | 'readAll' | 'readLines' | 'hasIds' | 'lastSeq' | 'streamVersion' | 'streamVersions' | 'listStreams' | 'seqAtTime'>;

/** The bounds a read names, lowest first, in whichever direction it reads; an open end is the far end of that direction. */
function boundsOf(backward: boolean, from: number | undefined, to: number | undefined): [number, number] {
  const start = from ?? (backward ? Number.MAX_SAFE_INTEGER : 1);
  const end = to ?? (backward ? 1 : Number.MAX_SAFE_INTEGER);
  return backward ? [end, start] : [start, end];
}

/** Narrows lo..hi (inclusive, already within what exists) to `limit` items from the reading end. */
function limited(lo: number, hi: number, backward: boolean, limit: number | undefined): [number, number] {
  if (limit === undefined) return [lo, hi];
  const count = Math.max(0, Math.floor(limit));
  return backward ? [Math.max(lo, hi - count + 1), hi] : [lo, Math.min(hi, lo + count - 1)];
}

/**
 * The read half of an event store: events by seq, by stream, by time and by
 * id, and the canonical lines an export writes. Each read is one transaction
 * over pages and tail (and the indexes it needs), so a seal meanwhile can
 * neither hide nor double an event.
 */
export function readMethods(log: LogContext, idsLookedUp: () => void): ReadMethods {
  const { db, run, seen, tailCache, pageCache, streamLookup, idLookup } = log;

  /** The streams as a read transaction sees them, with the buckets of `streams` loaded, and its tail. */
  function viewStreams<T>(streams: readonly string[] | 'all', use: (view: StreamsView, tail: TailView) => Promise<T> | T): Promise<T> {
    return run(
      () =>
        db.transaction('r', streamTables(db), async () => {
          const tail = await tailCache.view(db);
          return use(await streamLookup.view(db, tail, streams), tail);
        }),
      'read',
    );
  }

  function streamVersions(streams: readonly string[]): Promise<number[]> {
    return viewStreams(streams, (view) => streams.map((stream) => view.version(stream)));
  }

  async function readStream(stream: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backward = opts.direction === 'backward';
    const [low, high] = boundsOf(backward, opts.fromVersion, opts.toVersion);
    if (low > high) return [];
    // A few versions this tab wrote or read just now (a screen catching up on a command) need no transaction.
    const known = opts.fromVersion !== undefined && opts.toVersion !== undefined && (opts.limit ?? Infinity) > high - low ? tailCache.streamEvents(stream, low, high) : undefined;
    if (known) return backward ? known.reverse() : known;
    return viewStreams([stream], async (view, tail) => {
      const [lo, top] = limited(Math.max(1, low), Math.min(high, view.version(stream)), backward, opts.limit);
      if (lo > top) return [];
      const seqs = await view.seqs(db, stream, lo, top);
      if (backward) seqs.reverse();
      return readSeqs(db, seqs, tail.records.values(), pageCache);
    });
  }

  async function readAll(opts: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const backward = opts.direction === 'backward';
    const [low, high] = boundsOf(backward, opts.fromSeq, opts.toSeq);
    if (low > high) return [];
    const events = await run(
      () =>
        db.transaction('r', eventTables(db), async () => {
          // Only a backward read needs to know where the log ends first (see readLines).
          const last = backward ? seen(await lastSeqOf(db)) : Number.MAX_SAFE_INTEGER;
          const [lo, hi] = limited(Math.max(1, low), Math.min(last, high), backward, opts.limit);
          return lo > hi ? [] : readRange(db, lo, hi, pageCache);
        }),
      'read',
    );
    if (backward) events.reverse();
    return events;
  }

  async function readLines(opts: ReadLinesOptions = {}): Promise<EventLines> {
    return run(
      () =>
        db.transaction('r', eventTables(db), async () => {
          // A forward read asks for its pages and tail at once, without first reading where the log ends: what
          // lies past the end is simply not there. A replay reads the next range while it folds this one, and a
          // request made only after a first round trip would not go out until the fold is done.
          const [low, high] = boundsOf(false, opts.fromSeq, opts.toSeq);
          const [lo, hi] = limited(Math.max(1, low), high, false, opts.limit);
          // Not through the page cache: lines are the caller's own, and an export hands their buffers to its worker.
          return lo > hi ? { parts: [], firstSeq: 0, lastSeq: 0, count: 0 } : readLinesRange(db, lo, hi);
        }),
      'read',
    );
  }

  async function seqAtTime(time: Date | string): Promise<number> {
    const iso = typeof time === 'string' ? new Date(time).toISOString() : time.toISOString();
    return run(
      () =>
        db.transaction('r', eventTables(db), async () => {
          // Times grow with seqs: the answer lies in the newest page that starts at or before `iso`, or after it.
          const newestPage = lastPageKey(db);
          const [page, lastPage, last] = await Promise.all([db.pages.where('firstAt').belowOrEqual(iso).last(), newestPage, lastSeqOf(db, newestPage)]);
          // Every page starts later: so does the whole log.
          if (!page && lastPage !== undefined) return 0;
          const complete = page !== undefined && page.lastAt <= iso;
          if (complete && page.first !== lastPage) return page.last;
          let found = complete ? page.last : 0;
          const from = page ? (complete ? page.last + 1 : page.first) : 1;
          const to = page && !complete && page.first !== lastPage ? page.last : last;
          for (const event of await readRange(db, from, to, pageCache)) {
            if (event.meta.at <= iso && event.meta.seq > found) found = event.meta.seq;
          }
          return found;
        }),
      'read',
    );
  }

  async function hasIds(ids: readonly string[]): Promise<Map<string, number>> {
    const found = await run(
      () =>
        db.transaction('r', [db.idRuns, db.idBuckets, ...eventTables(db)], async () => {
          const [tail, sealed] = await Promise.all([tailCache.view(db), findSealedIds(db, ids, idLookup)]);
          return mergeFound(ids, tail, sealed);
        }),
      'read',
    );
    idsLookedUp();
    return new Map([...found].map(([id, event]) => [id, event.meta.seq]));
  }

  return {
    readStream,
    readAll,
    readLines,
    hasIds,
    lastSeq: () => run(async () => seen(await lastSeqOf(db)), 'read'),
    streamVersion: async (stream) => (await streamVersions([stream]))[0]!,
    streamVersions,
    listStreams: () => viewStreams('all', (view) => view.all()),
    seqAtTime,
  };
}
