import type { AccountsState, OutboxState, ReportsState, SpendingState, TotalsState } from '../domain/index.ts';
import type { StatesOf } from '../replay/index.ts';

/** The ledger's read models by projection name, as the memory image, time travel and what-if hold them. */
export interface LedgerStates {
  accounts: AccountsState;
  reports: ReportsState;
  spending: SpendingState;
  outbox: OutboxState;
  totals: TotalsState;
}

export const asLedgerStates = (states: StatesOf): LedgerStates => states as unknown as LedgerStates;
