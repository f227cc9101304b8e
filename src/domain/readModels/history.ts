import type { StoredEvent } from '../../eventstore/index.ts';
import { asAccountEvent } from './ledgerEvent.ts';

export type HistoryKind = 'opened' | 'deposit' | 'withdrawal' | 'transfer-out' | 'transfer-in' | 'verified' | 'closed';

/**
 * One line of an account's history. Histories are not kept in memory (a
 * million of these would be most of the heap): they are read from the
 * account's stream a batch at a time, newest first, with `historyBackward`.
 */
export type HistoryEntry = {
  /** The event's id: unique even where a what-if branch puts an injected event at a real event's seq. */
  id: string;
  seq: number;
  at: string;
  kind: HistoryKind;
  /** Signed change in cents: positive in, negative out, 0 for status changes. */
  change: number;
  /** Running balance after this entry. */
  balance: number;
  note?: string;
  /** What a money movement was for (Uncategorized for those recorded before categories); absent on status lines. */
  category?: string;
  /** The other account of a transfer. */
  counterparty?: string;
  transferId?: string;
};

/**
 * The history line an event adds, given the balance before it; undefined for
 * events that are not part of the history (messages, unknown types).
 */
export function historyEntryOf(stored: StoredEvent, balanceBefore: number): HistoryEntry | undefined {
  const event = asAccountEvent(stored);
  if (!event) return undefined;
  const { id, seq, at } = event.meta;
  const line = (kind: HistoryKind, change = 0): HistoryEntry => ({ id, seq, at, kind, change, balance: balanceBefore + change });
  switch (event.type) {
    case 'AccountOpened':
      return line('opened');
    case 'AccountVerified':
      return line('verified');
    case 'AccountClosed':
      return line('closed');
    case 'FundsAdded': {
      const { amount, category, note } = event.payload;
      return withDetails(line('deposit', amount), category, note);
    }
    case 'FundsWithdrawn': {
      const { amount, category, note } = event.payload;
      return withDetails(line('withdrawal', -amount), category, note);
    }
    case 'TransferSent': {
      const { amount, category, note, to, transferId } = event.payload;
      return withDetails(line('transfer-out', -amount), category, note, to, transferId);
    }
    case 'TransferReceived': {
      const { amount, category, note, from, transferId } = event.payload;
      return withDetails(line('transfer-in', amount), category, note, from, transferId);
    }
    default:
      return undefined;
  }
}

// Optional fields are left out rather than set to undefined, as in the events themselves.
function withDetails(entry: HistoryEntry, category: string, note?: string, counterparty?: string, transferId?: string): HistoryEntry {
  entry.category = category;
  if (note !== undefined) entry.note = note;
  if (counterparty !== undefined) entry.counterparty = counterparty;
  if (transferId !== undefined) entry.transferId = transferId;
  return entry;
}

export interface HistoryStretch {
  /** The lines of the events given, newest first. */
  entries: HistoryEntry[];
  /** The balance before the oldest event given: where the next, older stretch ends. */
  balanceBefore: number;
  /** The account's opening was among the events: nothing older belongs to its history. */
  opened: boolean;
}

/**
 * History lines for an account's events given newest first, when the balance
 * after the newest of them is known (the account's balance at the point being
 * viewed). Each line's running balance is worked out backwards, so a batch of
 * the newest events needs no read of the older ones. Events older than the
 * opening are passed over, as a history starts with its opening.
 */
export function historyBackward(newestFirst: Iterable<StoredEvent>, balanceAfter: number): HistoryStretch {
  const entries: HistoryEntry[] = [];
  let balance = balanceAfter;
  for (const event of newestFirst) {
    const unplaced = historyEntryOf(event, 0);
    if (!unplaced) continue;
    entries.push({ ...unplaced, balance });
    balance -= unplaced.change;
    if (unplaced.kind === 'opened') return { entries, balanceBefore: balance, opened: true };
  }
  return { entries, balanceBefore: balance, opened: false };
}
