import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';

type Boot = { replayed: number; fromSeq: number; ms: number };

/** How this tab rebuilt the balances when it opened, as a sentence; '' when there was nothing to rebuild. */
function rebuiltText({ replayed, fromSeq, ms }: Boot): string {
  const took = `${formatCount(ms)} ms`;
  if (fromSeq > 0)
    return replayed === 0
      ? ` This tab opened from a snapshot at event ${formatCount(fromSeq)}, with nothing to replay, in ${took}.`
      : ` This tab opened from a snapshot at event ${formatCount(fromSeq)} and replayed the ${formatCountOf(replayed, 'event')} after it in ${took}.`;
  return replayed === 0 ? '' : ` This tab rebuilt the balances from ${formatCountOf(replayed, 'event')} in ${took}.`;
}

/** How big the log is and how this tab's memory image was rebuilt: the event-sourcing at work, quietly. */
export function LedgerFooter() {
  const { image } = useLedger();
  const seq = useStore(image, (s) => s.seq);
  const boot = useStore(image, (s) => s.boot);
  return (
    <footer className="app-footer">
      <p>
        {formatCountOf(seq, 'event')} in the log.{boot ? rebuiltText(boot) : ''} Everything stays on this device.
      </p>
    </footer>
  );
}
