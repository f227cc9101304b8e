import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { Loading } from '../components/Loading.tsx';
import { useLedger } from './LedgerContext.tsx';

/**
 * Shows `children` once every read model is in what the screens show. The first screen of a reload, and of a
 * jump in time, shows before the largest ones are in (`later` in src/app/ledger.ts); what reads them waits here
 * the moment it takes.
 */
export function WholeImage({ what, children }: { what: string; children: ReactNode }) {
  const { image, travel } = useLedger();
  const live = useStore(image, (s) => s.status === 'ready');
  const past = useStore(travel, (s) => (s.past?.pending.length ?? 0) === 0);
  return live && past ? children : <Loading what={what} />;
}
