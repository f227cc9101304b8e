import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { Loading } from '../components/Loading.tsx';
import { useLedger } from './LedgerContext.tsx';

/**
 * Shows `children` once every read model is in the memory image. The first screen shows before the largest
 * ones have loaded (src/app/image/memoryImage.ts, `later`); what reads them waits here the moment it takes.
 */
export function WholeImage({ what, children }: { what: string; children: ReactNode }) {
  const { image } = useLedger();
  const whole = useStore(image, (s) => s.status === 'ready');
  return whole ? children : <Loading what={what} />;
}
