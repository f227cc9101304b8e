import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { PastBanner } from './PastBanner.tsx';
import { StepButtons } from './StepButtons.tsx';
import { TimeJumpForm } from './TimeJumpForm.tsx';
import { TimeSlider } from './TimeSlider.tsx';
import { useViewModeMarker } from './useViewModeMarker.ts';
import '../components/components.css';
import './timetravel.css';

const WIDE_SCREEN = '(min-width: 48rem)';

/**
 * Time travel, above every screen: a slider over the log's positions, steps,
 * a jump to a date and time, and while in the past a banner with "Back to now".
 * On a phone the controls fold away behind the "Time travel" toggle. Hidden
 * while a what-if branch is open: the branch replays through now.
 */
export function TimeTravelBar() {
  const ledger = useLedger();
  const info = useViewInfo();
  const loading = useStore(ledger.travel, (s) => s.loading);
  const error = useStore(ledger.travel, (s) => s.error);
  const [open, setOpen] = useState(() => window.matchMedia(WIDE_SCREEN).matches);
  const controlsId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useViewModeMarker(info.mode);
  if (info.mode === 'branch') return null;

  const inPast = info.mode === 'past';
  // The banner and its button go away: focus stays in the bar rather than falling to the page.
  const backToNow = () => {
    ledger.travel.backToNow();
    toggle.current?.focus();
  };
  return (
    <section className={`time-travel${inPast ? ' time-travel-past' : ''}`} aria-label="Time travel controls">
      <div className="time-travel-head">
        <button
          ref={toggle}
          type="button"
          className="time-travel-toggle"
          aria-expanded={open}
          aria-controls={controlsId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="time-travel-icon">
            ⟲
          </span>
          Time travel
        </button>
        {!inPast && <span className="time-travel-now">Showing now: {info.liveSeq} events</span>}
        <span className="time-travel-loading" aria-live="polite">
          {loading ? 'Replaying…' : ''}
        </span>
      </div>
      {inPast && <PastBanner seq={info.seq} liveSeq={info.liveSeq} at={info.at} onBackToNow={backToNow} />}
      {open && (
        <div id={controlsId} className="time-travel-controls">
          <TimeSlider seq={info.seq} liveSeq={info.liveSeq} />
          <StepButtons seq={info.seq} liveSeq={info.liveSeq} inPast={inPast} />
          <TimeJumpForm key={info.at ?? 'now'} at={info.at} />
        </div>
      )}
      {error && (
        <p className="form-problem" role="alert">
          Time travel failed: {error}
        </p>
      )}
    </section>
  );
}
