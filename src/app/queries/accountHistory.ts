import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import type { WhatIfResult } from '../../replay/index.ts';
import { accountStream, historyBackward, type HistoryEntry } from '../../domain/index.ts';

/** What a history read needs of the event store. */
export type HistoryReader = Pick<EventStore, 'readStream'>;

/** A what-if branch as far as one account's history is concerned: how far it replayed the log, and its changes. */
export type HistoryBranch = Pick<WhatIfResult, 'toSeq' | 'skipped' | 'injected'>;

/** The account as the viewed state (now, a point in the past, or a branch) has it. */
export interface HistoryOrigin {
  accountNumber: string;
  /** The balance after the newest line: the running balances are worked out back from it. */
  balance: number;
  /** The account stream's version at the viewed point. A branch reads the stream up to its `toSeq` instead. */
  version: number;
  branch?: HistoryBranch;
}

/** Where the next, older batch starts. */
export interface HistoryCursor {
  /** The version of the next real event to read; undefined for the stream's newest. */
  readonly fromVersion: number | undefined;
  /** How many of the branch's injected events for this account are still to come. */
  readonly injected: number;
  /** The balance after the next line. */
  readonly balance: number;
}

export interface AccountHistoryBatch {
  /** Newest first. */
  entries: HistoryEntry[];
  /** Undefined once the opening (or the start of the stream) is reached. */
  next?: HistoryCursor;
}

type Position = Omit<HistoryCursor, 'balance'>;

/** The branch's injected events into the stream, in play order. */
const injectedInto = (stream: string, branch: HistoryBranch | undefined): readonly StoredEvent[] =>
  branch?.injected.filter((event) => event.meta.stream === stream) ?? [];

interface Step {
  event: StoredEvent;
  /** Where reading resumes once this event is taken. */
  after: Position;
}

/**
 * The account's events as the viewed state has them, newest first, from `start`:
 * its real stream read backwards a batch at a time (in a branch: up to the branch's
 * end, less the skipped events), with a branch's injected events placed right
 * after the real event each follows.
 */
async function* newestFirst(reader: HistoryReader, origin: HistoryOrigin, start: Position, readSize: number, since = 0): AsyncGenerator<Step> {
  const stream = accountStream(origin.accountNumber);
  const injections = injectedInto(stream, origin.branch);
  const toSeq = origin.branch?.toSeq ?? Number.POSITIVE_INFINITY;
  const skip = new Set(origin.branch?.skipped);
  let { fromVersion, injected } = start;
  // An injected event carries the seq of the real event it follows, so it comes before that one, newest first.
  const injectedFrom = function* (seq: number): Generator<Step> {
    while (injected > 0 && injections[injected - 1]!.meta.seq >= seq) {
      const event = injections[--injected]!;
      yield { event, after: { fromVersion, injected } };
    }
  };
  while (fromVersion === undefined || fromVersion > since) {
    // Bounded on both sides when it can be: a read of a few versions a tab has just seen needs no transaction.
    const toVersion = since > 0 ? since + 1 : undefined;
    const batch = await reader.readStream(stream, { direction: 'backward', fromVersion, toVersion, limit: readSize });
    for (const event of batch) {
      fromVersion = event.meta.version;
      yield* injectedFrom(event.meta.seq);
      fromVersion = event.meta.version - 1;
      if (event.meta.seq <= toSeq && !skip.has(event.meta.seq)) yield { event, after: { fromVersion, injected } };
    }
    if (batch.length < readSize) fromVersion = 0;
  }
  if (since === 0) yield* injectedFrom(Number.NEGATIVE_INFINITY);
}

/** Adds the lines `event` makes, going back from `balance`, to `into` (those of `category` only, when given). */
function linesBack(event: StoredEvent, balance: number, category: string | undefined, into: HistoryEntry[]): ReturnType<typeof historyBackward> {
  const stretch = historyBackward([event], balance);
  for (const entry of stretch.entries) if (category === undefined || entry.category === category) into.push(entry);
  return stretch;
}

/** Which lines a batch holds: how many, from where, and of which category (every line when none). */
export interface HistoryBatchRequest {
  after?: HistoryCursor;
  limit?: number;
  /** Only the money movements of this category; the batch still reads on until it has `limit` of them. */
  category?: string;
}

/**
 * The lines an account's history gained between `before` and `origin`, a later
 * point of the same account (the same branch, if any, or none): newest first,
 * down to the newest line `before` had. Undefined when `origin` does not
 * follow `before`, so the caller reads the history afresh.
 */
export async function readNewerHistory(
  reader: HistoryReader,
  origin: HistoryOrigin,
  before: HistoryOrigin,
  category?: string,
): Promise<HistoryEntry[] | undefined> {
  if (origin.branch || before.branch || origin.accountNumber !== before.accountNumber || origin.version <= before.version) return undefined;
  const entries: HistoryEntry[] = [];
  let balance = origin.balance;
  const start: Position = { fromVersion: origin.version, injected: 0 };
  for await (const { event } of newestFirst(reader, origin, start, origin.version - before.version, before.version))
    balance = linesBack(event, balance, category, entries).balanceBefore;
  // What the lines between add up to must lead back to the earlier point, or the two are not one account's history.
  return balance === before.balance ? entries : undefined;
}

/**
 * A batch of an account's history, newest first, read from its stream rather
 * than kept in memory: `limit` lines (fewer on the last batch) from `after`, or
 * from the viewed point's newest line.
 */
export async function readAccountHistory(
  reader: HistoryReader,
  origin: HistoryOrigin,
  { after, limit = 20, category }: HistoryBatchRequest = {},
): Promise<AccountHistoryBatch> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('A history batch holds 1 or more lines.');
  const start: Position = after ?? {
    fromVersion: origin.branch ? undefined : origin.version,
    injected: injectedInto(accountStream(origin.accountNumber), origin.branch).length,
  };
  let balance = after?.balance ?? origin.balance;
  const entries: HistoryEntry[] = [];
  // Messages share the stream, so a batch of lines takes more events than lines.
  for await (const { event, after: position } of newestFirst(reader, origin, start, Math.max(16, limit * 2))) {
    const stretch = linesBack(event, balance, category, entries);
    balance = stretch.balanceBefore;
    if (stretch.opened) return { entries };
    if (entries.length === limit) return { entries, next: { ...position, balance } };
  }
  return { entries };
}

/** Every line of an account's history at the viewed point, newest first (for charts: a few accounts at a time). */
export async function readWholeAccountHistory(reader: HistoryReader, origin: HistoryOrigin, batchSize = 500): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let batch = await readAccountHistory(reader, origin, { limit: batchSize });
  entries.push(...batch.entries);
  while (batch.next) {
    batch = await readAccountHistory(reader, origin, { after: batch.next, limit: batchSize });
    entries.push(...batch.entries);
  }
  return entries;
}
