import { createContext, useContext, type ReactNode } from 'react';
import type { Ledger } from '../../app/index.ts';

const LedgerContext = createContext<Ledger | undefined>(undefined);

export function LedgerProvider({ ledger, children }: { ledger: Ledger; children: ReactNode }) {
  return <LedgerContext.Provider value={ledger}>{children}</LedgerContext.Provider>;
}

/** The tab's ledger: memory image, time travel, what-if branch, dispatch, and the queries and files the screens use. */
export function useLedger(): Ledger {
  const ledger = useContext(LedgerContext);
  if (!ledger) throw new Error('useLedger is used outside <LedgerProvider>.');
  return ledger;
}
