import { useCallback, useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { injectedEvent, injectionSlots, rowAt, type EventLogQueries, type Injection, type LogRow } from '../../app/index.ts';
import type { RowContext } from './EventRow.tsx';
import { VirtualLog } from './VirtualLog.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';

/**
 * Rows in the list at a time. Browsers cap an element's height (Chrome near
 * 33 million pixels), so a log of a million events is shown a window of 100,000 at a time.
 */
const WINDOW = 100_000;

/** The whole log, newest first, read a batch at a time as it scrolls. */
export function FullLogList({ queries, maxTop, inject, context }: { queries: EventLogQueries; maxTop: number; inject: readonly Injection[]; context: RowContext }) {
  const [batches] = useState(() => queries.eventBatches());
  useSyncExternalStore(batches.subscribe, batches.getVersion);
  /** 'live': the newest event stays on top; a number: the top stays put while the person reads. */
  const [anchor, setAnchor] = useState<number | 'live'>('live');
  const [scrollTo, setScrollTo] = useState<{ index: number }>();
  const [goTo, setGoTo] = useState('');
  const [goProblem, setGoProblem] = useState<string>();
  const goId = useId();

  const top = anchor === 'live' ? maxTop : Math.min(anchor, maxTop);
  const bottom = Math.max(1, top - WINDOW + 1);
  const slots = useMemo(() => injectionSlots(inject, top, bottom, top === maxTop), [inject, top, bottom, maxTop]);
  const count = (top >= 1 ? top - bottom + 1 : 0) + slots.length;
  const newer = maxTop - top;

  const row = (index: number): LogRow => {
    const found = rowAt(index, slots, top);
    if ('seq' in found) return { kind: 'event', seq: found.seq, event: batches.get(found.seq) };
    return { kind: 'injected', index: found.index, event: injectedEvent(found.injection, found.index) };
  };

  const onRange = useCallback(
    (start: number, end: number) => batches.ensure(Math.max(bottom, top - end), top - start + slots.length),
    [batches, top, bottom, slots.length],
  );

  const onAwayFromTop = useCallback((away: boolean) => {
    if (away) setAnchor((a) => (a === 'live' ? maxTop : a));
  }, [maxTop]);

  const showNewest = () => {
    setAnchor('live');
    setScrollTo({ index: 0 });
  };

  const showOlder = () => {
    setAnchor(bottom - 1);
    setScrollTo({ index: 0 });
  };

  const goToEvent = (event: FormEvent) => {
    event.preventDefault();
    // People may type the number as the screens show it, grouped ("31,764", "31.764", "31 764").
    const seq = Number(goTo.trim().replace(/[\s\u00a0\u202f.,'’]/g, ''));
    if (goTo.trim() === '' || !Number.isSafeInteger(seq) || seq < 1 || seq > maxTop) {
      setGoProblem(maxTop < 1 ? 'The log is empty: there is no event to go to yet.' : `Enter an event number from 1 to ${formatCount(maxTop)}.`);
      return;
    }
    setGoProblem(undefined);
    const newTop = seq > top || seq < bottom ? Math.min(maxTop, seq + Math.floor(WINDOW / 2)) : top;
    setAnchor(newTop === maxTop ? 'live' : newTop);
    const above = injectionSlots(inject, newTop, Math.max(1, newTop - WINDOW + 1), newTop === maxTop).filter((s) => s.injection.afterSeq >= seq).length;
    setScrollTo({ index: newTop - seq + above });
  };

  return (
    <>
      <form className="inline-form" onSubmit={goToEvent} noValidate>
        <div className="field">
          <label htmlFor={goId}>Go to event number</label>
          <input id={goId} inputMode="numeric" value={goTo} onChange={(e) => setGoTo(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          Go
        </button>
        {goProblem && (
          <span className="form-problem" role="alert">
            {goProblem}
          </span>
        )}
      </form>
      {newer > 0 && (
        <button type="button" className="button log-newer" onClick={showNewest}>
          Show {formatCountOf(newer, 'newer event')}
        </button>
      )}
      {batches.error && (
        <p className="form-problem" role="alert">
          Events could not be read: {batches.error}
        </p>
      )}
      {count === 0 ? (
        <p className="log-empty">The log is empty: nothing has happened yet.</p>
      ) : (
        <VirtualLog
          count={count}
          rowAt={row}
          context={context}
          onRange={onRange}
          onAwayFromTop={onAwayFromTop}
          scrollTo={scrollTo}
          footer={
            bottom > 1 ? (
              <button type="button" className="button" onClick={showOlder}>
                Show older events (before event {formatCount(bottom)})
              </button>
            ) : (
              <span>The first event of the log.</span>
            )
          }
        />
      )}
    </>
  );
}
