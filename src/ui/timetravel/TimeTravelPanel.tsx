import { useEscapeToClose } from '../components/useEscapeToClose.ts';
import { useViewInfo } from '../ledger/useView.ts';
import { StepButtons } from './StepButtons.tsx';
import { TimeJumpForm } from './TimeJumpForm.tsx';
import { TimeSlider } from './TimeSlider.tsx';
import { focusTimeTravelButton, setTimeTravelPanel, timeTravelButton, TIME_TRAVEL_PANEL_ID, useTimeTravelPanel } from './timeTravelToggle.ts';
import '../components/components.css';
import './timetravel.css';

/**
 * The slider over the log's positions, steps and a jump to a date and time, unfolded from the header's
 * "Time travel" button: under the header on a wide screen, a sheet over the bottom of the screen on a phone.
 */
export function TimeTravelPanel() {
  const info = useViewInfo();
  const open = useTimeTravelPanel((s) => s.open);
  const show = open && info.mode !== 'branch';
  useEscapeToClose(show, () => setTimeTravelPanel(false), timeTravelButton);
  if (!show) return null;

  const close = () => {
    setTimeTravelPanel(false);
    focusTimeTravelButton();
  };
  return (
    <section id={TIME_TRAVEL_PANEL_ID} className="mode-panel time-travel" aria-label="Time travel controls">
      <div className="time-travel-controls">
        <TimeSlider seq={info.seq} liveSeq={info.liveSeq} />
        <StepButtons seq={info.seq} liveSeq={info.liveSeq} inPast={info.mode === 'past'} />
        <TimeJumpForm key={info.at ?? 'now'} at={info.at} />
      </div>
      <button type="button" className="button mode-panel-close" onClick={close}>
        Close
      </button>
    </section>
  );
}
