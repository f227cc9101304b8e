import { useLedger } from '../ledger/LedgerContext.tsx';

/** Arrow shapes in a 16-unit box: drawn here, since not every font has the media-control symbols. */
const ICONS = {
  start: 'M3 3h2v10H3zM13 3v10L6 8z',
  back: 'M11 3v10L4 8z',
  forward: 'M5 3v10l7-5z',
  end: 'M11 3h2v10h-2zM3 3v10l7-5z',
};

function Icon({ shape }: { shape: keyof typeof ICONS }) {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
      <path d={ICONS[shape]} fill="currentColor" />
    </svg>
  );
}

/** Jump to the start, one event back, one event forward, jump to the end (which is now). */
export function StepButtons({ seq, liveSeq, inPast }: { seq: number; liveSeq: number; inPast: boolean }) {
  const { travel } = useLedger();
  const atStart = seq <= 0;
  return (
    <div className="time-steps" role="group" aria-label="Step through events">
      <button type="button" className="button" aria-label="Jump to start" disabled={atStart} onClick={() => void travel.toStart()}>
        <Icon shape="start" />
      </button>
      <button type="button" className="button" aria-label="Step back one event" disabled={atStart} onClick={() => void travel.step(-1)}>
        <Icon shape="back" />
      </button>
      <button
        type="button"
        className="button"
        aria-label="Step forward one event"
        disabled={!inPast || seq >= liveSeq}
        onClick={() => void travel.step(1)}
      >
        <Icon shape="forward" />
      </button>
      <button type="button" className="button" aria-label="Jump to end" disabled={!inPast} onClick={() => travel.backToNow()}>
        <Icon shape="end" />
      </button>
    </div>
  );
}
