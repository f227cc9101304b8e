import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { PastBanner } from './PastBanner.tsx';
import { focusTimeTravelButton } from './timeTravelToggle.ts';
import { useViewModeMarker } from './useViewModeMarker.ts';
import './timetravel.css';

/**
 * The header's second line while the screens show the past: "Viewing the past … Back to now"; also says
 * when a jump is replaying or failed, whether or not the panel is open.
 */
export function TimeTravelBanner() {
  const ledger = useLedger();
  const info = useViewInfo();
  const loading = useStore(ledger.travel, (s) => s.loading);
  const error = useStore(ledger.travel, (s) => s.error);
  useViewModeMarker(info.mode);
  if (info.mode === 'branch') return null;

  // The banner and its button go away: focus moves to "Time travel" rather than falling to the page.
  const backToNow = () => {
    ledger.travel.backToNow();
    focusTimeTravelButton();
  };
  return (
    <>
      {info.mode === 'past' && <PastBanner seq={info.seq} liveSeq={info.liveSeq} at={info.at} onBackToNow={backToNow} />}
      <p className="time-travel-loading" aria-live="polite">
        {loading ? 'Replaying…' : ''}
      </p>
      {error && (
        <p className="form-problem" role="alert">
          Time travel failed: {error}
        </p>
      )}
    </>
  );
}
