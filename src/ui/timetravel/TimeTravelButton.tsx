import { useViewInfo } from '../ledger/useView.ts';
import { setTimeTravelPanel, TIME_TRAVEL_BUTTON_ID, TIME_TRAVEL_PANEL_ID, useTimeTravelPanel } from './timeTravelToggle.ts';
import './timetravel.css';

/** "Time travel" in the header: unfolds the panel on demand. Gone while a what-if branch is open (it replays through now). */
export function TimeTravelButton() {
  const { mode } = useViewInfo();
  const open = useTimeTravelPanel((s) => s.open);
  if (mode === 'branch') return null;
  return (
    <button
      id={TIME_TRAVEL_BUTTON_ID}
      type="button"
      className="header-tool time-travel-toggle"
      aria-expanded={open}
      aria-controls={TIME_TRAVEL_PANEL_ID}
      onClick={() => setTimeTravelPanel(!open)}
    >
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 16 16">
        <path d="M8 2a6 6 0 1 1-5.6 8.2l1.8-.7A4 4 0 1 0 4.5 5.5L6 7H2V3l1.1 1.1A6 6 0 0 1 8 2zm-.75 2.5h1.5v3.2l2.2 1.3-.75 1.3-2.95-1.75z" fill="currentColor" />
      </svg>
      <span className="header-tool-label">Time travel</span>
    </button>
  );
}
