import type { EventLog, StoredEvent } from '../../eventstore/index.ts';
import type { Injection } from '../../replay/index.ts';
import { ChangeSignal } from './changeSignal.ts';
import { matches, type LogFilters } from './logFilters.ts';
import { injectedEvent, newestFirst, type LogRow } from './logRows.ts';

/** Events examined per read. */
const CHUNK = 1000;
/** One step of a search stops after this many matches… */
const MATCHES_PER_STEP = 100;
/** …or after examining this many events, so a rare match never freezes the screen. */
const EVENTS_PER_STEP = 20_000;

/** Events in descending seq; every event down to `low` that could match has been handed over. */
interface Chunk {
  events: StoredEvent[];
  low: number;
}

/** What a search reads of the log. */
export type SearchedLog = Pick<EventLog, 'readAll' | 'readStream' | 'streamVersion'>;

/** Every event from `top` down, by seq (a type filter reads through these in batches too: the log keeps no index by type). */
async function* scanAll(store: SearchedLog, top: number): AsyncGenerator<Chunk> {
  for (let cursor = top; cursor >= 1; ) {
    const low = Math.max(1, cursor - CHUNK + 1);
    yield { events: await store.readAll({ fromSeq: cursor, toSeq: low, direction: 'backward' }), low };
    cursor = low - 1;
  }
}

/** One stream's events from `top` down, through the stream index. */
async function* scanStream(store: SearchedLog, stream: string, top: number): AsyncGenerator<Chunk> {
  for (let version = await store.streamVersion(stream); version >= 1; ) {
    const batch = await store.readStream(stream, { fromVersion: version, direction: 'backward', limit: CHUNK });
    if (batch.length === 0) return;
    yield { events: batch.filter((e) => e.meta.seq <= top), low: batch[batch.length - 1]!.meta.seq };
    version = batch[batch.length - 1]!.meta.version - 1;
  }
}

/**
 * A filtered view of the log, newest first, found a step at a time: it reads
 * through the stream index when a stream is named exactly, or scans the log,
 * and keeps only the matches, never the whole log. Injected events of an open
 * branch are placed among them where they play.
 */
export class LogSearch extends ChangeSignal {
  rows: LogRow[] = [];
  /** Events examined so far, and the lowest seq reached. */
  examined = 0;
  reached: number;
  done = false;
  busy = false;
  /** Matches the last step found: when it found none, the next step waits to be asked for. */
  lastFound = 0;
  error?: string;
  private readonly chunks: AsyncGenerator<Chunk>;
  private readonly pending: { index: number; injection: Injection }[];

  constructor(
    store: SearchedLog,
    private readonly filters: LogFilters,
    top: number,
    inject: readonly Injection[],
    private readonly exactStream: boolean,
    /** Hears every chunk examined (the screen gathers the categories it meets). */
    private readonly onRead?: (events: readonly StoredEvent[]) => void,
  ) {
    super();
    this.reached = top + 1;
    this.pending = newestFirst(inject);
    const stream = filters.stream.trim();
    this.chunks = exactStream ? scanStream(store, stream, top) : scanAll(store, top);
  }

  /** Adds the injected events that play after event `seq` or later (they sit above it). */
  private placeInjections(seq: number): number {
    let added = 0;
    while (this.pending.length > 0 && this.pending[0]!.injection.afterSeq >= seq) {
      const { index, injection } = this.pending.shift()!;
      const event = injectedEvent(injection, index);
      if (matches(event, this.filters, this.exactStream)) {
        this.rows.push({ kind: 'injected', index, event });
        added++;
      }
    }
    return added;
  }

  /** Finds the next batch of matches; resolves when this step is done. */
  async more(): Promise<void> {
    if (this.busy || this.done) return;
    this.busy = true;
    this.changed();
    let found = 0;
    let examined = 0;
    try {
      while (found < MATCHES_PER_STEP && examined < EVENTS_PER_STEP) {
        const next = await this.chunks.next();
        if (next.done) {
          found += this.placeInjections(Number.NEGATIVE_INFINITY);
          this.done = true;
          this.reached = 0;
          break;
        }
        this.onRead?.(next.value.events);
        for (const event of next.value.events) {
          found += this.placeInjections(event.meta.seq);
          if (matches(event, this.filters, this.exactStream)) {
            this.rows.push({ kind: 'event', seq: event.meta.seq, event });
            found++;
          }
        }
        found += this.placeInjections(next.value.low);
        examined += next.value.events.length;
        this.examined += next.value.events.length;
        this.reached = next.value.low;
      }
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.done = true;
    } finally {
      this.lastFound = found;
      this.busy = false;
      this.changed();
    }
  }
}
