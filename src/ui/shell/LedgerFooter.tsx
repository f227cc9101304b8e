import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCount } from '../components/formatCount.ts';

/** How big the log is and how this tab's memory image was rebuilt: the event-sourcing at work, quietly. */
export function LedgerFooter() {
  const { image } = useLedger();
  const seq = useStore(image, (s) => s.seq);
  const boot = useStore(image, (s) => s.boot);
  const events = `${formatCount(seq)} ${seq === 1 ? 'event' : 'events'} in the log`;
  let rebuilt = '';
  if (boot) {
    const replayed = `${formatCount(boot.replayed)} ${boot.replayed === 1 ? 'event' : 'events'}`;
    const from = boot.fromSeq > 0 ? ` on top of a snapshot at event ${formatCount(boot.fromSeq)}` : '';
    rebuilt = ` · on opening, this tab replayed ${replayed}${from} in ${formatCount(boot.ms)} ms`;
  }
  return (
    <footer className="app-footer">
      <p>
        {events}
        {rebuilt}. Everything stays on this device.
      </p>
    </footer>
  );
}
