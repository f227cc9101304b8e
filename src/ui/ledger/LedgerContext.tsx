import { createContext, useContext, type ReactNode } from 'react';
import type { Ledger } from '../../app/index.ts';

/** The ledger as the screens hold it: the event store stays behind its queries and files. */
export type ScreenLedger = Omit<Ledger, 'eventStore'>;

const LedgerContext = createContext<ScreenLedger | undefined>(undefined);

export function LedgerProvider({ ledger, children }: { ledger: ScreenLedger; children: ReactNode }) {
  return <LedgerContext.Provider value={ledger}>{children}</LedgerContext.Provider>;
}

/** The tab's ledger: memory image, time travel, what-if branch, dispatch, and the queries and files the screens use. */
export function useLedger(): ScreenLedger {
  const ledger = useContext(LedgerContext);
  if (!ledger) throw new Error('useLedger is used outside <LedgerProvider>.');
  return ledger;
}
