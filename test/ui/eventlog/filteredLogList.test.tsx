import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EventLogQueries, LogFilters } from '../../../src/app/index.ts';
import type { LogSearch } from '../../../src/app/queries/logSearch.ts';
import { FilteredLogList } from '../../../src/ui/eventlog/FilteredLogList.tsx';
import type { RowContext } from '../../../src/ui/eventlog/EventRow.tsx';

type SearchState = Pick<LogSearch, 'rows' | 'examined' | 'reached' | 'done' | 'busy' | 'lastFound'>;

/** The list's first render (no effect has run, so no step of the search either) for a search in this state. */
function firstRender(state: SearchState): string {
  const search = { ...state, subscribe: () => () => {}, getVersion: () => 0, more: async () => {} };
  const queries = { searchLog: () => search } as unknown as EventLogQueries;
  const filters = { text: 'zeitschriften', stream: '', type: '', category: '' } as unknown as LogFilters;
  return renderToStaticMarkup(<FilteredLogList queries={queries} filters={filters} exactStream={false} top={500} inject={[]} context={{} as RowContext} />);
}

describe('the filtered event log', () => {
  it('says it is searching, not that nothing matches, before the first step of a new search has run', () => {
    const html = firstRender({ rows: [], examined: 0, reached: 501, done: false, busy: false, lastFound: 0 });
    expect(html).toContain('Searching… 0 found so far.');
    expect(html).not.toContain('matching event');
    expect(html).not.toContain('Search older events');
  });

  it('says nothing matches once the search has looked', () => {
    const html = firstRender({ rows: [], examined: 500, reached: 0, done: true, busy: false, lastFound: 0 });
    expect(html).toMatch(/matching events in the whole log\./);
    expect(html).toContain('End of the log.');
  });

  it('offers older events when a step found nothing in its part of the log', () => {
    const html = firstRender({ rows: [], examined: 200, reached: 300, done: false, busy: false, lastFound: 0 });
    expect(html).toMatch(/matching events in events 500 down to 300\./);
    expect(html).toContain('Search older events (before event 300)');
  });
});
