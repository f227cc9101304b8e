import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { EventLogQueries, Injection, LogFilters } from '../../app/index.ts';
import type { RowContext } from './EventRow.tsx';
import { VirtualLog } from './VirtualLog.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';

export interface FilteredLogListProps {
  queries: EventLogQueries;
  filters: LogFilters;
  exactStream: boolean;
  /** The newest event searched; later ones wait for the person to search again. */
  top: number;
  inject: readonly Injection[];
  context: RowContext;
}

/** The events matching the filters, newest first, found a step at a time as the person scrolls. */
export function FilteredLogList({ queries, filters, exactStream, top, inject, context }: FilteredLogListProps) {
  const [search] = useState(() => queries.searchLog(filters, { top, inject, exactStream }));
  useSyncExternalStore(search.subscribe, search.getVersion, search.getVersion);
  const count = search.rows.length;

  useEffect(() => {
    void search.more();
  }, [search]);

  // Scrolled near the end: keep going, as long as the last step turned something up.
  const onRange = useCallback(
    (_start: number, end: number) => {
      if (end >= search.rows.length - 5 && search.lastFound > 0) void search.more();
    },
    [search],
  );

  // Before its first step has run (the render before the effect), a search has found nothing yet, not no matches.
  const searching = search.busy || (search.examined === 0 && !search.done);
  const status = searching
    ? `Searching… ${formatCount(count)} found so far.`
    : search.done
      ? `${formatCountOf(count, 'matching event')} in the whole log.`
      : `${formatCountOf(count, 'matching event')} in events ${formatCount(top)} down to ${formatCount(search.reached)}.`;

  const footer = search.done ? (
    <span>End of the log.</span>
  ) : (
    <button type="button" className="button" onClick={() => void search.more()} aria-disabled={search.busy || undefined}>
      Search older events (before event {formatCount(search.reached)})
    </button>
  );

  return (
    <>
      <p className="log-status" role="status">
        {status}
      </p>
      {search.error && (
        <p className="form-problem" role="alert">
          The search stopped: {search.error}
        </p>
      )}
      {count === 0 ? (
        <div className="log-footer">{searching ? null : footer}</div>
      ) : (
        <VirtualLog count={count} rowAt={(i) => search.rows[i]!} context={context} onRange={onRange} footer={footer} />
      )}
    </>
  );
}
