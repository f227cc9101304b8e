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
    if (!event) return state;
    switch (event.type) {
      case 'FundsAdded': {
        const { amount } = event.payload;
        return { ...state, deposited: state.deposited + amount, inSystem: state.inSystem + amount };
      }
      case 'FundsWithdrawn': {
        const { amount } = event.payload;
        return { ...state, withdrawn: state.withdrawn + amount, inSystem: state.inSystem - amount };
      }
      case 'TransferSent':
        return { ...state, transferredOut: state.transferredOut + event.payload.amount };
      case 'TransferReceived':
        return { ...state, transferredIn: state.transferredIn + event.payload.amount };
      case 'AccountOpened':
        return { ...state, accountsOpened: state.accountsOpened + 1 };
      case 'AccountClosed':
        return { ...state, accountsClosed: state.accountsClosed + 1 };
      default:
        return state;
    }
  },
};
