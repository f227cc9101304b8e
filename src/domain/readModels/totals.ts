import type { Projection } from '../../replay/projection.ts';
import { asAccountEvent } from './ledgerEvent.ts';

/**
 * The ledger's control totals, in cents. Money enters only by deposit and leaves
 * only by withdrawal, so `inSystem` = deposited - withdrawn must equal the sum of
 * all balances, and `transferredOut` must equal `transferredIn`.
 */
export type TotalsState = {
  deposited: number;
  withdrawn: number;
  transferredOut: number;
  transferredIn: number;
  inSystem: number;
  accountsOpened: number;
  accountsClosed: number;
};

export const totalsProjection: Projection<TotalsState> = {
  name: 'totals',
  version: 1,
  initial: {
    deposited: 0,
    withdrawn: 0,
    transferredOut: 0,
    transferredIn: 0,
    inSystem: 0,
    accountsOpened: 0,
    accountsClosed: 0,
  },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    const next = { ...state };
    return event && count(next, event) ? next : state;
  },
  applyMany(state, events) {
    const totals = { ...state };
    let changed = false;
    for (const stored of events) {
      const event = asAccountEvent(stored);
      if (event && count(totals, event)) changed = true;
    }
    return changed ? totals : state;
  },
};

/** Adds one event to `totals`, a copy owned by the caller; false when the event is not counted. */
function count(totals: TotalsState, event: NonNullable<ReturnType<typeof asAccountEvent>>): boolean {
  switch (event.type) {
    case 'FundsAdded':
      totals.deposited += event.payload.amount;
      totals.inSystem += event.payload.amount;
      return true;
    case 'FundsWithdrawn':
      totals.withdrawn += event.payload.amount;
      totals.inSystem -= event.payload.amount;
      return true;
    case 'TransferSent':
      totals.transferredOut += event.payload.amount;
      return true;
    case 'TransferReceived':
      totals.transferredIn += event.payload.amount;
      return true;
    case 'AccountOpened':
      totals.accountsOpened += 1;
      return true;
    case 'AccountClosed':
      totals.accountsClosed += 1;
      return true;
    default:
      return false;
  }
}
