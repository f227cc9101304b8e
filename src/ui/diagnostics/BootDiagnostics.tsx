import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';

/**
 * How this tab's memory image was built: from which snapshot, how many events
 * were replayed on top, and how long it took. The log is the truth; this says
 * how much of it had to be read again.
 */
export function BootDiagnostics() {
  const boot = useStore(useLedger().image.store, (s) => s.boot);
  if (!boot) return null;
  const events = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'event' : 'events'}`;
  return (
    <p className="boot-diagnostics" data-testid="boot-diagnostics">
      {boot.fromSeq > 0
        ? `Loaded from a snapshot at event ${boot.fromSeq.toLocaleString()}, plus ${events(boot.replayed)} replayed`
        : `Replayed ${events(boot.replayed)} from the start`}{' '}
      in {boot.ms.toLocaleString()} ms.
    </p>
  );
}
