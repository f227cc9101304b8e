import type { EventLog } from '../../eventstore/index.ts';
import type { HistoryEntry } from '../../domain/index.ts';
import type { Injection, WhatIfResult } from '../../replay/index.ts';
import type { InjectDraft } from '../whatif/branchInjection.ts';
import { readAccountHistory, readNewerHistory, readWholeAccountHistory, type AccountHistoryBatch, type HistoryBatchRequest, type HistoryOrigin } from './accountHistory.ts';
import type { EventLogQueries } from './eventLogQueries.ts';

/** What the screens read of the log beyond the memory image. */
export interface LedgerQueries {
  /** Every stream's name, sorted. */
  streamNames(): Promise<string[]>;
  /** When the event at `seq` was recorded; undefined when the log has no such event. */
  eventTime(seq: number): Promise<string | undefined>;
  /** The event log screen's readers (a scrolling list in batches, searches), loaded on first use. */
  eventLog(): Promise<EventLogQueries>;
  /** A batch of an account's history at the viewed point, newest first. */
  accountHistory(origin: HistoryOrigin, batch?: HistoryBatchRequest): Promise<AccountHistoryBatch>;
  /** The lines an account's history gained since an earlier point of it, newest first; undefined when `origin` does not follow `before`. */
  newerHistory(origin: HistoryOrigin, before: HistoryOrigin, category?: string): Promise<HistoryEntry[] | undefined>;
  /** Every line of an account's history at the viewed point, newest first. */
  wholeAccountHistory(origin: HistoryOrigin): Promise<HistoryEntry[]>;
  /** The hypothetical event an inject form stands for, decided against the account as the branch has it there. */
  injection(result: WhatIfResult, draft: InjectDraft): Promise<Injection>;
}

export function ledgerQueries(log: EventLog): LedgerQueries {
  return {
    streamNames: async () => (await log.listStreams()).map((s) => s.stream).sort(),
    eventTime: async (seq) => (await log.readAll({ fromSeq: seq, toSeq: seq }))[0]?.meta.at,
    eventLog: async () => (await import('./eventLogQueries.ts')).eventLogQueries(log),
    accountHistory: (origin, batch) => readAccountHistory(log, origin, batch),
    newerHistory: (origin, before, category) => readNewerHistory(log, origin, before, category),
    wholeAccountHistory: (origin) => readWholeAccountHistory(log, origin),
    injection: async (result, draft) => (await import('../whatif/branchInjection.ts')).buildInjection(log, result, draft),
  };
}
