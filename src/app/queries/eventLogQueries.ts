import type { EventLog } from '../../eventstore/index.ts';
import type { Injection } from '../../replay/index.ts';
import { EventBatches } from './eventBatches.ts';
import type { LogFilters } from './logFilters.ts';
import { LogSearch } from './logSearch.ts';

export interface LogSearchOptions {
  /** The newest event searched; later ones wait for a new search. */
  top: number;
  /** The open branch's injected events, placed among the matches where they play. */
  inject: readonly Injection[];
  /** The stream filter names a whole stream: read it through the stream index. */
  exactStream: boolean;
}

/** What the event log screen reads; loaded with that screen, not at boot. */
export interface EventLogQueries {
  /** The unfiltered log for a scrolling list, read a batch at a time. */
  eventBatches(): EventBatches;
  /** The events matching `filters`, newest first, found a step at a time. */
  searchLog(filters: LogFilters, options: LogSearchOptions): LogSearch;
}

export function eventLogQueries(log: EventLog): EventLogQueries {
  return {
    eventBatches: () => new EventBatches(log),
    searchLog: (filters, { top, inject, exactStream }) => new LogSearch(log, filters, top, inject, exactStream),
  };
}
