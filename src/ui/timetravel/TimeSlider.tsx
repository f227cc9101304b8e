import { useEffect, useRef, useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { positionText } from '../components/positionText.ts';
import { useEventTime } from '../components/useEventTime.ts';

/** Jumps wait this long for the slider to settle; ledger.travel drops the stale ones anyway. */
const SETTLE_MS = 50;

/**
 * The "Time travel" slider over log positions 0..liveSeq. The thumb follows the
 * pointer (or keys) at once; the replay for a position starts once it has held
 * still for a moment, and only the newest one lands on screen.
 */
export function TimeSlider({ seq, liveSeq }: { seq: number; liveSeq: number }) {
  const ledger = useLedger();
  const [pending, setPending] = useState<number>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const value = Math.min(pending ?? seq, liveSeq);
  const at = useEventTime(value);

  useEffect(() => () => clearTimeout(timer.current), []);

  const move = (to: number) => {
    setPending(to);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void ledger.travel.travelTo(to).finally(() => setPending((p) => (p === to ? undefined : p)));
    }, SETTLE_MS);
  };

  return (
    <input
      className="time-slider"
      type="range"
      min={0}
      max={liveSeq}
      step={1}
      value={value}
      aria-label="Time travel"
      aria-valuetext={positionText(value, liveSeq, at)}
      onChange={(e) => move(Number(e.target.value))}
    />
  );
}
