import { useEffect, useRef, useState } from 'react';
import { latestRunner } from '../../lib/latestRunner.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { positionText } from '../components/positionText.ts';
import { useEventTime } from '../components/useEventTime.ts';

/**
 * The "Time travel" slider over log positions 0..liveSeq. The thumb follows the
 * pointer (or keys) at once, and so does the replay: a move starts its jump
 * straight away, and moves made while a jump runs are folded into one, the
 * newest, which starts when it ends. A key press shows its step as soon as
 * it is replayed; a drag never queues more than one jump behind the current.
 */
export function TimeSlider({ seq, liveSeq }: { seq: number; liveSeq: number }) {
  const ledger = useLedger();
  const [pending, setPending] = useState<number>();
  const jumps = useRef<ReturnType<typeof latestRunner<number>>>(undefined);
  const value = Math.min(pending ?? seq, liveSeq);
  const at = useEventTime(value);

  useEffect(() => {
    const runner = latestRunner(
      (to: number) => ledger.travel.travelTo(to),
      (to) => setPending((p) => (p === to ? undefined : p)),
    );
    jumps.current = runner;
    return () => runner.stop();
  }, [ledger]);

  const move = (to: number) => {
    setPending(to);
    jumps.current?.give(to);
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
