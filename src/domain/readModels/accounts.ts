import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, mapGet, mapSet, mapValues, type PersistentMap } from './persistentMap.ts';
import { emptyVector, vectorPush, vectorSlice, type PersistentVector } from './persistentVector.ts';

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
  /** The account stream's version after its newest event: where a paged history read starts. */
  version: number;
};

export type AccountsState = {
  byNumber: PersistentMap<AccountSummary>;
  /** Account numbers in the order they were opened. */
  opened: PersistentVector<string>;
  openCount: number;
  closedCount: number;
};

function summaryAfter(row: AccountSummary, event: NonNullable<ReturnType<typeof asAccountEvent>>): AccountSummary {
  const { at: lastActivityAt, version } = event.meta;
  switch (event.type) {
    case 'FundsAdded':
    case 'TransferReceived':
      return { ...row, lastActivityAt, version, balance: row.balance + event.payload.amount };
    case 'FundsWithdrawn':
    case 'TransferSent':
      return { ...row, lastActivityAt, version, balance: row.balance - event.payload.amount };
    case 'AccountVerified':
      return { ...row, lastActivityAt, version, verified: true };
    case 'AccountClosed':
      return { ...row, lastActivityAt, version, status: 'closed' };
    default:
      return { ...row, version };
  }
}

export const accountsProjection: Projection<AccountsState> = {
  name: 'accounts',
  version: 1,
  initial: { byNumber: emptyMap(), opened: emptyVector(), openCount: 0, closedCount: 0 },
  apply(state, stored: StoredEvent) {
    const event = asAccountEvent(stored);
    if (!event) return state;
    const number = event.payload.accountNumber;
    if (event.type === 'AccountOpened') {
      if (mapGet(state.byNumber, number)) return state;
      const { owner, email } = event.payload;
      const { at, version } = event.meta;
      const row: AccountSummary = {
        accountNumber: number,
        owner,
        email,
        verified: false,
        status: 'open',
        balance: 0,
        openedAt: at,
        lastActivityAt: at,
        version,
      };
      return {
        ...state,
        byNumber: mapSet(state.byNumber, number, row),
        opened: vectorPush(state.opened, number),
        openCount: state.openCount + 1,
      };
    }
    const row = mapGet(state.byNumber, number);
    if (!row) return state;
    const next = summaryAfter(row, event);
    const closing = row.status === 'open' && next.status === 'closed';
    return {
      ...state,
      byNumber: mapSet(state.byNumber, number, next),
      openCount: state.openCount - (closing ? 1 : 0),
      closedCount: state.closedCount + (closing ? 1 : 0),
    };
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
