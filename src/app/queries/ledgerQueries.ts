import type { EventLog } from '../../eventstore/index.ts';
import type { HistoryEntry } from '../../domain/index.ts';
import type { Injection, WhatIfResult } from '../../replay/index.ts';
import { buildInjection, type InjectDraft } from '../whatif/branchInjection.ts';
import { readAccountHistory, readWholeAccountHistory, type AccountHistoryBatch, type HistoryCursor, type HistoryOrigin } from './accountHistory.ts';
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

/** What the screens read of the log beyond the memory image. */
export interface LedgerQueries {
  /** Every stream's name, sorted. */
  streamNames(): Promise<string[]>;
  /** When the event at `seq` was recorded; undefined when the log has no such event. */
  eventTime(seq: number): Promise<string | undefined>;
  /** The unfiltered log for a scrolling list, read a batch at a time. */
  eventBatches(): EventBatches;
  /** The events matching `filters`, newest first, found a step at a time. */
  searchLog(filters: LogFilters, options: LogSearchOptions): LogSearch;
  /** A batch of an account's history at the viewed point, newest first. */
  accountHistory(origin: HistoryOrigin, batch?: { after?: HistoryCursor; limit?: number }): Promise<AccountHistoryBatch>;
  /** Every line of an account's history at the viewed point, newest first. */
  wholeAccountHistory(origin: HistoryOrigin): Promise<HistoryEntry[]>;
  /** The hypothetical event an inject form stands for, decided against the account as the branch has it there. */
  injection(result: WhatIfResult, draft: InjectDraft): Promise<Injection>;
}

export function ledgerQueries(log: EventLog): LedgerQueries {
  return {
    streamNames: async () => (await log.listStreams()).map((s) => s.stream).sort(),
    eventTime: async (seq) => (await log.readAll({ fromSeq: seq, toSeq: seq }))[0]?.meta.at,
    eventBatches: () => new EventBatches(log),
    searchLog: (filters, { top, inject, exactStream }) => new LogSearch(log, filters, top, inject, exactStream),
    accountHistory: (origin, batch) => readAccountHistory(log, origin, batch),
    wholeAccountHistory: (origin) => readWholeAccountHistory(log, origin),
    injection: (result, draft) => buildInjection(log, result, draft),
  };
}
