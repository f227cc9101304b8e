import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useSearch } from 'wouter';
import { accountNumberOfStream, accountStream } from '../../domain/index.ts';
import { isFiltered, type EventLogQueries, type Injection, type LogFilters } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import type { RowContext } from './EventRow.tsx';
import { EventFilters } from './EventFilters.tsx';
import { FilteredLogList } from './FilteredLogList.tsx';
import { FullLogList } from './FullLogList.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';
import '../components/components.css';
import './eventlog.css';

const NO_INJECTIONS: readonly Injection[] = [];

/** Each list of injections gets a number, so a search restarts when the branch's injections change. */
const injectionKeys = new WeakMap<readonly Injection[], number>();
let lastInjectionKey = 0;
function injectionKey(inject: readonly Injection[]): number {
  if (!injectionKeys.has(inject)) injectionKeys.set(inject, ++lastInjectionKey);
  return injectionKeys.get(inject)!;
}

function intro(mode: RowContext['mode'], seq: number): string {
  if (mode === 'past') return `Every event, newest first. The screens show the state after event ${formatCount(seq)}; later events are marked.`;
  if (mode === 'branch') return 'The what-if branch’s events, newest first: skip real events or inject hypothetical ones.';
  return 'Every event, newest first. Open an event’s details, or show the state right after it.';
}

/** The event log: every event newest first, with filters, details on demand, and time travel or branch actions. */
export function EventLogScreen() {
  const ledger = useLedger();
  const info = useViewInfo();
  const plan = useStore(ledger.branch, (s) => s.plan);
  const branchTop = useStore(ledger.branch, (s) => s.result?.toSeq);

  // The account chosen is in the address (#/log?account=…): a link can open the log at one account, and
  // Back and Forward step through the accounts chosen. Type and text stay on the screen.
  const account = new URLSearchParams(useSearch()).get('account') ?? '';
  const stream = account === '' ? '' : accountStream(account);
  const [typeAndText, setTypeAndText] = useState({ type: '', text: '' });
  const filters = useMemo<LogFilters>(() => ({ ...typeAndText, stream }), [typeAndText, stream]);
  const [queries, setQueries] = useState<EventLogQueries>();
  const [queriesProblem, setQueriesProblem] = useState<string>();
  const [searchRound, setSearchRound] = useState(0);
  const titleId = useId();

  useEffect(() => {
    let current = true;
    ledger.queries.eventLog().then(
      (loaded) => current && setQueries(loaded),
      (error: unknown) => current && setQueriesProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [ledger]);

  const skip = plan?.skip;
  const context = useMemo<RowContext>(
    () => ({ mode: info.mode, viewedSeq: info.seq, skipped: new Set(skip ?? []) }),
    [info.mode, info.seq, skip],
  );
  const inject = plan?.inject ?? NO_INJECTIONS;
  const maxTop = info.mode === 'branch' ? (branchTop ?? plan?.basePoint ?? 0) : info.liveSeq;
  // The account picker names whole streams.
  const exactStream = filters.stream !== '';
  const filtered = isFiltered(filters);
  // A search covers the log up to when it started: a fresh one is offered as events arrive.
  const [searchTop, setSearchTop] = useState(maxTop);
  // Back or Forward to another account starts a fresh search, as choosing it here does.
  const [searchedStream, setSearchedStream] = useState(stream);
  if (searchedStream !== stream) {
    setSearchedStream(stream);
    setSearchTop(maxTop);
  }
  const searchAgain = () => {
    setSearchTop(maxTop);
    setSearchRound((n) => n + 1);
  };
  const changeFilters = useCallback(
    (next: LogFilters) => {
      setTypeAndText({ type: next.type, text: next.text });
      // Set on the hash itself: the router's navigate would put the query outside the hash.
      if (next.stream !== stream)
        window.location.hash = next.stream === '' ? '/log' : `/log?account=${encodeURIComponent(accountNumberOfStream(next.stream) ?? '')}`;
      setSearchTop(maxTop);
    },
    [maxTop, stream],
  );

  return (
    <section className="screen event-log" aria-labelledby={titleId}>
      <h1 id={titleId}>Event log</h1>
      <p className="screen-lead">{intro(info.mode, info.seq)}</p>
      <EventFilters filters={filters} onChange={changeFilters} />
      {queriesProblem ? (
        <p className="form-problem" role="alert">
          The event log could not be opened: {queriesProblem}. Reload the page to try again.
        </p>
      ) : !queries ? (
        <p className="log-status" role="status">
          Reading the log…
        </p>
      ) : filtered ? (
        <>
          {maxTop > searchTop && (
            <button type="button" className="button log-newer" onClick={searchAgain}>
              {formatCountOf(maxTop - searchTop, 'newer event')}: search again
            </button>
          )}
          <FilteredLogList
            queries={queries}
            key={`${filters.type}\n${filters.stream}\n${filters.text}\n${exactStream}\n${injectionKey(inject)}\n${searchRound}\n${info.mode}`}
            filters={filters}
            exactStream={exactStream}
            top={Math.min(searchTop, maxTop)}
            inject={inject}
            context={context}
          />
        </>
      ) : (
        <FullLogList key={info.mode === 'branch' ? 'branch' : 'log'} queries={queries} maxTop={maxTop} inject={inject} context={context} />
      )}
    </section>
  );
}
