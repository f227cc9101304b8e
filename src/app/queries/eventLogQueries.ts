import type { EventLog, StoredEvent } from '../../eventstore/index.ts';
import type { Injection } from '../../replay/index.ts';
import { ChangeSignal } from './changeSignal.ts';
import { EventBatches } from './eventBatches.ts';
import { categoryOf, filterCategories, type LogFilters } from './logFilters.ts';
import { LogSearch } from './logSearch.ts';

export interface LogSearchOptions {
  /** The newest event searched; later ones wait for a new search. */
  top: number;
  /** The open branch's injected events, placed among the matches where they play. */
  inject: readonly Injection[];
  /** The stream filter names a whole stream: read it through the stream index. */
  exactStream: boolean;
}

/**
 * The categories the category filter offers: the presets and Uncategorized,
 * with every other category met in the events this screen has read (the log
 * keeps no index of categories, and reading it all for a list would cost what a search does).
 */
export class LogCategories extends ChangeSignal {
  names: readonly string[] = filterCategories([]);
  private readonly met = new Set<string>();

  /** Takes note of the categories of events just read. */
  readonly note = (events: readonly StoredEvent[]): void => {
    const before = this.met.size;
    for (const event of events) {
      const category = categoryOf(event);
      if (category !== undefined) this.met.add(category);
    }
    if (this.met.size === before) return;
    this.names = filterCategories(this.met);
    this.changed();
  };
}

/** What the event log screen reads; loaded with that screen, not at boot. */
export interface EventLogQueries {
  /** The unfiltered log for a scrolling list, read a batch at a time. */
  eventBatches(): EventBatches;
  /** The events matching `filters`, newest first, found a step at a time. */
  searchLog(filters: LogFilters, options: LogSearchOptions): LogSearch;
  /** Categories met so far, for the category filter. */
  readonly categories: LogCategories;
  /**
   * The event at `seq` exactly as the log stores it (an older schema's event
   * before it was lifted to today's shape): one event's line, read on demand.
   */
  storedEvent(seq: number): Promise<StoredEvent | undefined>;
}

export function eventLogQueries(log: EventLog): EventLogQueries {
  const categories = new LogCategories();
  return {
    eventBatches: () => new EventBatches(log, categories.note),
    searchLog: (filters, { top, inject, exactStream }) => new LogSearch(log, filters, top, inject, exactStream, categories.note),
    categories,
    storedEvent: async (seq) => {
      // readLines gives the stored lines, never lifted (src/app/currentShapes.ts).
      const { parts } = await log.readLines({ fromSeq: seq, toSeq: seq });
      const decoder = new TextDecoder();
      const line = parts.map((part) => (typeof part === 'string' ? part : decoder.decode(part))).join('').split('\n')[0];
      return line ? (JSON.parse(line) as StoredEvent) : undefined;
    },
  };
}
