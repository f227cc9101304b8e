import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, mapGet, mapSet, type PersistentMap } from './persistentMap.ts';
import { emptyVector, vectorLast, vectorPush, vectorSlice, type PersistentVector } from './persistentVector.ts';

export type HistoryKind = 'opened' | 'deposit' | 'withdrawal' | 'transfer-out' | 'transfer-in' | 'verified' | 'closed';

/** One line of an account's history. */
export type HistoryEntry = {
  seq: number;
  at: string;
  kind: HistoryKind;
  /** Signed change in cents: positive in, negative out, 0 for status changes. */
  change: number;
  /** Running balance after this entry. */
  balance: number;
  note?: string;
  /** The other account of a transfer. */
  counterparty?: string;
  transferId?: string;
};

export type HistoryState = { byAccount: PersistentMap<PersistentVector<HistoryEntry>> };

/**
 * The history line an event adds, given the balance before it; undefined for
 * events that are not part of the history (messages). Shared by the projection
 * and by paged reads straight from an account's stream.
 */
export function historyEntryOf(stored: StoredEvent, balanceBefore: number): HistoryEntry | undefined {
  const event = asAccountEvent(stored);
  if (!event) return undefined;
  const { seq, at } = event.meta;
  switch (event.type) {
    case 'AccountOpened':
      return { seq, at, kind: 'opened', change: 0, balance: balanceBefore };
    case 'AccountVerified':
      return { seq, at, kind: 'verified', change: 0, balance: balanceBefore };
    case 'AccountClosed':
      return { seq, at, kind: 'closed', change: 0, balance: balanceBefore };
    case 'FundsAdded':
      return money(seq, at, 'deposit', event.payload.amount, balanceBefore, event.payload.note);
    case 'FundsWithdrawn':
      return money(seq, at, 'withdrawal', -event.payload.amount, balanceBefore, event.payload.note);
    case 'TransferSent': {
      const { amount, note, to, transferId } = event.payload;
      return money(seq, at, 'transfer-out', -amount, balanceBefore, note, to, transferId);
    }
    case 'TransferReceived': {
      const { amount, note, from, transferId } = event.payload;
      return money(seq, at, 'transfer-in', amount, balanceBefore, note, from, transferId);
    }
    default:
      return undefined;
  }
}

function money(
  seq: number,
  at: string,
  kind: HistoryKind,
  change: number,
  balanceBefore: number,
  note?: string,
  counterparty?: string,
  transferId?: string,
): HistoryEntry {
  const entry: HistoryEntry = { seq, at, kind, change, balance: balanceBefore + change };
  if (note !== undefined) entry.note = note;
  if (counterparty !== undefined) entry.counterparty = counterparty;
  if (transferId !== undefined) entry.transferId = transferId;
  return entry;
}

export const historyProjection: Projection<HistoryState> = {
  name: 'accountHistory',
  version: 1,
  initial: { byAccount: emptyMap() },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    if (!event) return state;
    const number = event.payload.accountNumber;
    const lines = mapGet(state.byAccount, number);
    // A history starts with its opening, once: events of unknown accounts and repeated openings are passed over.
    if (lines ? event.type === 'AccountOpened' : event.type !== 'AccountOpened') return state;
    const list = lines ?? emptyVector<HistoryEntry>();
    const entry = historyEntryOf(stored, vectorLast(list)?.balance ?? 0);
    if (!entry) return state;
    return { byAccount: mapSet(state.byAccount, number, vectorPush(list, entry)) };
  },
};

export interface HistoryPage {
  entries: HistoryEntry[];
  /** How many entries the account's history holds in all. */
  total: number;
}

/** A page of an account's history, newest first by default. */
export function accountHistory(
  state: HistoryState,
  accountNumber: string,
  { offset = 0, limit = 50, newestFirst = true }: { offset?: number; limit?: number; newestFirst?: boolean } = {},
): HistoryPage {
  const lines = mapGet(state.byAccount, accountNumber);
  if (!lines) return { entries: [], total: 0 };
  const total = lines.size;
  if (!newestFirst) return { entries: vectorSlice(lines, offset, offset + limit), total };
  const end = total - offset;
  return { entries: vectorSlice(lines, Math.max(0, end - limit), end).reverse(), total };
}
