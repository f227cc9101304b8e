import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useSearch } from 'wouter';
import { accountNumberOfStream, accountStream, canonicalCategory } from '../../domain/index.ts';
import { isFiltered, type EventLogQueries, type Injection, type LogCategories, type LogFilters } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useLiveView, useViewInfo } from '../ledger/useView.ts';
import type { RowContext } from './EventRow.tsx';
import { EventFilters } from './EventFilters.tsx';
import { FilteredLogList } from './FilteredLogList.tsx';
import { FullLogList } from './FullLogList.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';
import '../components/components.css';
import './eventlog.css';

const NO_INJECTIONS: readonly Injection[] = [];
const NO_CATEGORIES: readonly string[] = [];
const noChanges = () => () => undefined;

/** The categories met so far (presets first), following them as more are read. */
function useCategories(categories: LogCategories | undefined): readonly string[] {
  useSyncExternalStore(categories?.subscribe ?? noChanges, categories?.getVersion ?? (() => 0));
  return categories?.names ?? NO_CATEGORIES;
}

/** The log's address for an account's stream and a category ('' for all): #/log?account=…&category=…. */
function logAddress(stream: string, category: string): string {
  const query = new URLSearchParams();
  if (stream !== '') query.set('account', accountNumberOfStream(stream) ?? '');
  if (category !== '') query.set('category', category);
  const search = query.toString();
  return search === '' ? '/log' : `/log?${search}`;
}

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

  // The account and category chosen are in the address (#/log?account=…&category=…): a link can open the log
  // at one account or category, and Back and Forward step through the choices. Type and text stay on the screen.
  const address = new URLSearchParams(useSearch());
  const account = address.get('account') ?? '';
  const stream = account === '' ? '' : accountStream(account);
  const category = canonicalCategory((address.get('category') ?? '').trim());
  const [typeAndText, setTypeAndText] = useState({ type: '', text: '' });
  const filters = useMemo<LogFilters>(() => ({ ...typeAndText, stream, category }), [typeAndText, stream, category]);
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

  const categories = useCategories(queries?.categories);
  const hasNewer = useLiveView((s) => s.totals.newerEvents > 0);

  const skip = plan?.skip;
  const context = useMemo<RowContext>(
    () => ({ mode: info.mode, viewedSeq: info.seq, skipped: new Set(skip ?? []), storedEvent: queries?.storedEvent }),
    [info.mode, info.seq, skip, queries],
  );
  const inject = plan?.inject ?? NO_INJECTIONS;
  const maxTop = info.mode === 'branch' ? (branchTop ?? plan?.basePoint ?? 0) : info.liveSeq;
  // The account picker names whole streams.
  const exactStream = filters.stream !== '';
  const filtered = isFiltered(filters);
  // A search covers the log up to when it started: a fresh one is offered as events arrive.
  const [searchTop, setSearchTop] = useState(maxTop);
  // Back or Forward to another account or category starts a fresh search, as choosing it here does.
  const addressed = `${stream}\n${category}`;
  const [searchedAddress, setSearchedAddress] = useState(addressed);
  if (searchedAddress !== addressed) {
    setSearchedAddress(addressed);
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
      if (next.stream !== stream || next.category !== category) window.location.hash = logAddress(next.stream, next.category);
      setSearchTop(maxTop);
    },
    [maxTop, stream, category],
  );

  return (
    <section className="screen event-log" aria-labelledby={titleId}>
      <h1 id={titleId}>Event log</h1>
      <p className="screen-lead">{intro(info.mode, info.seq)}</p>
      <EventFilters filters={filters} onChange={changeFilters} categories={categories} hasNewer={hasNewer} />
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
            key={`${filters.type}\n${filters.stream}\n${filters.category}\n${filters.text}\n${exactStream}\n${injectionKey(inject)}\n${searchRound}\n${info.mode}`}
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
