import { useEffect } from 'react';
import { pwaStore } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';

/**
 * Asks the browser to keep Rewind's data (persistent storage) once, when the log first grows after this
 * tab booted: right after a person records something, the moment the data starts to matter and browsers
 * are most willing to grant it.
 */
export function usePersistenceRequest(): void {
  const { image } = useLedger();
  useEffect(() => {
    const bootSeq = image.getState().seq;
    const stop = image.subscribe((state) => {
      if (state.seq <= bootSeq) return;
      stop();
      void pwaStore.getState().requestPersistence();
    });
    return stop;
  }, [image]);
}
