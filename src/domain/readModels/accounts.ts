import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, MapDraft, mapGet, mapSet, mapValues, type PersistentMap } from '../structures/persistentMap.ts';
import { emptyVector, VectorDraft, vectorPush, vectorSlice, type PersistentVector } from '../structures/persistentVector.ts';
import { isNewerEvent, readerVersion } from '../schema/eventSchema.ts';
import { accountNumberOfStream } from '../accounts/streams.ts';
import { withCategory } from '../accounts/categories.ts';

/** One row of the accounts list. */
export type AccountSummary = {
  accountNumber: string;
  owner: string;
  email: string;
  verified: boolean;
  status: 'open' | 'closed';
  /** Integer cents. */
  balance: number;
  openedAt: string;
  /** Time of the newest money movement or status change (messages do not count). */
  lastActivityAt: string;
  /** The account stream's version after its newest event: where a history read in batches starts. */
  version: number;
  /**
   * Events on the account recorded by a newer version of Rewind. When above 0,
   * what they did is not known here: the balance may be out of date and the
   * account takes no commands (the decider refuses them with NEEDS_NEWER_VERSION).
   */
  newerEvents: number;
  /** The categories its money movements used (see usedCategories): presets and Uncategorized as bits… */
  categoryBits: number;
  /** …and any other names, in the order first used; absent when there are none. */
  customCategories?: readonly string[];
};

export type AccountsState = {
  byNumber: PersistentMap<AccountSummary>;
  /** Account numbers in the order they were opened. */
  opened: PersistentVector<string>;
  openCount: number;
  closedCount: number;
};

type AccountEventOf = NonNullable<ReturnType<typeof asAccountEvent>>;

function openedRow(event: Extract<AccountEventOf, { type: 'AccountOpened' }>): AccountSummary {
  const { accountNumber, owner, email } = event.payload;
  const { at, version } = event.meta;
  return { accountNumber, owner, email, verified: false, status: 'open', balance: 0, openedAt: at, lastActivityAt: at, version, newerEvents: 0, categoryBits: 0 };
}

/** A row copy written out field by field, which the batch fold does faster than a spread. */
function copyRow(row: AccountSummary): AccountSummary {
  const { accountNumber, owner, email, verified, status, balance, openedAt, lastActivityAt, version, newerEvents, categoryBits, customCategories } = row;
  const copy: AccountSummary = { accountNumber, owner, email, verified, status, balance, openedAt, lastActivityAt, version, newerEvents, categoryBits };
  if (customCategories) copy.customCategories = customCategories;
  return copy;
}

/** Notes a money movement's category on `row`, a copy owned by the caller (the list itself is never changed in place). */
function noteCategory(row: AccountSummary, category: string | undefined): void {
  const { bits, custom } = withCategory(row.categoryBits, row.customCategories, category);
  row.categoryBits = bits;
  if (custom) row.customCategories = custom;
}

/** Brings `row`, a copy owned by the caller, up to date with an event on its account other than the opening. */
function update(row: AccountSummary, event: AccountEventOf): void {
  row.version = event.meta.version;
  switch (event.type) {
    case 'FundsAdded':
    case 'TransferReceived':
      row.balance += event.payload.amount;
      noteCategory(row, event.payload.category);
      break;
    case 'FundsWithdrawn':
    case 'TransferSent':
      row.balance -= event.payload.amount;
      noteCategory(row, event.payload.category);
      break;
    case 'AccountVerified':
      row.verified = true;
      break;
    case 'AccountClosed':
      row.status = 'closed';
      break;
    default:
      return;
  }
  row.lastActivityAt = event.meta.at;
}

/** The row of the account an event recorded by a newer version of Rewind is on; undefined for any other event. */
function newerOn(rows: PersistentMap<AccountSummary> | MapDraft<AccountSummary>, event: StoredEvent): AccountSummary | undefined {
  if (!isNewerEvent(event)) return undefined;
  const number = accountNumberOfStream(event.meta.stream);
  if (number === undefined) return undefined;
  return rows instanceof MapDraft ? rows.get(number) : mapGet(rows, number);
}

export const accountsProjection: Projection<AccountsState> = {
  name: 'accounts',
  // 2: rows count the events a newer version recorded on their account. 3: rows keep the categories used.
  version: readerVersion(3),
  initial: { byNumber: emptyMap(), opened: emptyVector(), openCount: 0, closedCount: 0 },
  apply(state, stored: StoredEvent) {
    const event = asAccountEvent(stored);
    if (!event) {
      const row = newerOn(state.byNumber, stored);
      return row ? { ...state, byNumber: mapSet(state.byNumber, row.accountNumber, { ...row, version: stored.meta.version, newerEvents: row.newerEvents + 1 }) } : state;
    }
    const number = event.payload.accountNumber;
    if (event.type === 'AccountOpened') {
      if (mapGet(state.byNumber, number)) return state;
      return {
        ...state,
        byNumber: mapSet(state.byNumber, number, openedRow(event)),
        opened: vectorPush(state.opened, number),
        openCount: state.openCount + 1,
      };
    }
    const row = mapGet(state.byNumber, number);
    if (!row) return state;
    const next = { ...row };
    update(next, event);
    const closing = row.status === 'open' && next.status === 'closed';
    return {
      ...state,
      byNumber: mapSet(state.byNumber, number, next),
      openCount: state.openCount - (closing ? 1 : 0),
      closedCount: state.closedCount + (closing ? 1 : 0),
    };
  },
  applyMany(state, events) {
    const byNumber = new MapDraft(state.byNumber);
    // Rows this batch has copied: later events on the same account change the copy in place.
    const copied = new Set<AccountSummary>();
    const opened: string[] = [];
    let { openCount, closedCount } = state;
    for (const stored of events) {
      const event = asAccountEvent(stored);
      if (!event) {
        const before = newerOn(byNumber, stored);
        if (!before) continue;
        const row = copied.has(before) ? before : copyRow(before);
        if (row !== before) {
          byNumber.set(row.accountNumber, row);
          copied.add(row);
        }
        row.version = stored.meta.version;
        row.newerEvents += 1;
        continue;
      }
      const number = event.payload.accountNumber;
      let row = byNumber.get(number);
      if (event.type === 'AccountOpened') {
        if (row) continue;
        row = openedRow(event);
        byNumber.set(number, row);
        copied.add(row);
        opened.push(number);
        openCount += 1;
        continue;
      }
      if (!row) continue;
      if (!copied.has(row)) {
        row = copyRow(row);
        byNumber.set(number, row);
        copied.add(row);
      }
      const wasOpen = row.status === 'open';
      update(row, event);
      if (wasOpen && row.status === 'closed') {
        openCount -= 1;
        closedCount += 1;
      }
    }
    if (copied.size === 0) return state;
    const order = new VectorDraft(state.opened);
    for (const number of opened) order.push(number);
    return { ...state, byNumber: byNumber.done(), opened: order.done(), openCount, closedCount };
  },
};

export function getAccount(state: AccountsState, accountNumber: string): AccountSummary | undefined {
  return mapGet(state.byNumber, accountNumber);
}

/** Every account, in the order they were opened. */
export function listAccounts(state: AccountsState): AccountSummary[] {
  return vectorSlice(state.opened).map((number) => mapGet(state.byNumber, number)!);
}

/** Accounts whose number, owner or e-mail contains `text` (case-insensitive; spaces in numbers ignored). */
export function searchAccounts(state: AccountsState, text: string): AccountSummary[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return listAccounts(state);
  const digits = needle.replace(/[\s-]/g, '');
  return listAccounts(state).filter(
    (a) =>
      a.owner.toLowerCase().includes(needle) ||
      a.email.toLowerCase().includes(needle) ||
      (/^\d+$/.test(digits) && a.accountNumber.includes(digits)),
  );
}

/** The sum of every balance (equals deposits minus withdrawals: see the totals read model). */
export function totalBalance(state: AccountsState): number {
  return mapValues(state.byNumber).reduce((sum, a) => sum + a.balance, 0);
}
