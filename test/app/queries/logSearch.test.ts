import { afterEach, describe, expect, test } from 'vitest';
import type { EventInput, EventStore } from '../../../src/eventstore/index.ts';
import type { Injection } from '../../../src/replay/index.ts';
import { LogSearch } from '../../../src/app/queries/logSearch.ts';
import { NO_FILTERS, type LogFilters } from '../../../src/app/queries/logFilters.ts';
import type { LogRow } from '../../../src/app/queries/logRows.ts';
import { closeStores, openStore } from '../../eventstore/helpers.ts';

afterEach(closeStores);

const added = (account: string, amount: number): EventInput => ({ type: 'FundsAdded', payload: { accountNumber: account, amount } });
const withdrawn = (account: string, amount: number): EventInput => ({ type: 'FundsWithdrawn', payload: { accountNumber: account, amount } });

/**
 * seq 1..30: account-a, account-b and account-ab take turns (a, b, ab, a, b, ab…);
 * every third event of each stream is a withdrawal, the rest deposits of `seq` cents.
 */
async function threeStreams(): Promise<EventStore> {
  const store = await openStore();
  const streams = ['account-a', 'account-b', 'account-ab'];
  for (let seq = 1; seq <= 30; seq++) {
    const stream = streams[(seq - 1) % 3]!;
    const nth = Math.ceil(seq / 3);
    await store.append(stream, [nth % 3 === 0 ? withdrawn(stream, seq) : added(stream, seq)]);
  }
  return store;
}

const filters = (f: Partial<LogFilters>): LogFilters => ({ ...NO_FILTERS, ...f });
const shown = (rows: LogRow[]) => rows.map((r) => (r.kind === 'event' ? r.seq : `after ${r.event.meta.seq}: ${r.event.type}`));

/** Runs the search to its end, a step at a time as the list asks for more. */
async function searchAll(search: LogSearch): Promise<void> {
  for (let steps = 0; !search.done; steps++) {
    if (steps > 100) throw new Error('the search never finished');
    await search.more();
  }
}

describe('searching the log', () => {
  test('a type filter finds every event of that type, newest first, and says when the whole log is searched', async () => {
    const store = await threeStreams();
    const search = new LogSearch(store, filters({ type: 'FundsWithdrawn' }), 30, [], false);
    await searchAll(search);
    expect(shown(search.rows)).toEqual([27, 26, 25, 18, 17, 16, 9, 8, 7]);
    expect(search.rows.every((r) => r.event?.type === 'FundsWithdrawn')).toBe(true);
    expect(search).toMatchObject({ done: true, reached: 0, examined: 30, error: undefined });
  });

  test('a stream named exactly is read through the stream index; part of a name matches any stream holding it', async () => {
    const store = await threeStreams();
    const exact = new LogSearch(store, filters({ stream: 'account-a' }), 30, [], true);
    await searchAll(exact);
    expect(shown(exact.rows)).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    // Only the stream's own events were examined, not the log's thirty.
    expect(exact.examined).toBe(10);

    const partial = new LogSearch(store, filters({ stream: ' ACCOUNT-A ' }), 30, [], false);
    await searchAll(partial);
    expect(partial.rows.map((r) => r.event?.meta.stream)).toEqual(
      [30, 28, 27, 25, 24, 22, 21, 19, 18, 16, 15, 13, 12, 10, 9, 7, 6, 4, 3, 1].map((seq) => (seq % 3 === 1 ? 'account-a' : 'account-ab')),
    );
  });

  test('text is looked for anywhere in the event, ignoring case, and the filters combine', async () => {
    const store = await threeStreams();
    const search = new LogSearch(store, filters({ type: 'FundsAdded', stream: 'account-b', text: '"AMOUNT":2' }), 30, [], true);
    await searchAll(search);
    // account-b's deposits whose amount starts with 2: seqs 29, 23, 20 and 2 (26 is a withdrawal).
    expect(shown(search.rows)).toEqual([29, 23, 20, 2]);
  });

  test('covers the log only up to where it started: later events wait for a new search', async () => {
    const store = await threeStreams();
    const search = new LogSearch(store, filters({ stream: 'account-a' }), 20, [], true);
    await store.append('account-a', [added('account-a', 31)]);
    await searchAll(search);
    expect(shown(search.rows)).toEqual([19, 16, 13, 10, 7, 4, 1]);
  });

  test('hands over matches a step at a time, so a long list of matches arrives as the list scrolls', async () => {
    const store = await openStore();
    await store.append('account-a', Array.from({ length: 2500 }, (_, i) => added('account-a', i + 1)));
    const search = new LogSearch(store, filters({ type: 'FundsAdded' }), 2500, [], false);

    await search.more();
    // A step ends after the read that took it past a hundred matches: the newest thousand here.
    expect(search).toMatchObject({ done: false, busy: false, lastFound: 1000, examined: 1000, reached: 1501 });
    expect(search.rows[0]).toMatchObject({ kind: 'event', seq: 2500 });

    await searchAll(search);
    expect(search.rows.map((r) => (r.kind === 'event' ? r.seq : 0))).toEqual(Array.from({ length: 2500 }, (_, i) => 2500 - i));
  });

  test('places the open branch’s injected events where they play, and filters them like the rest', async () => {
    const store = await threeStreams();
    const inject: Injection[] = [
      { afterSeq: 30, stream: 'account-a', event: { type: 'FundsWithdrawn', payload: { accountNumber: 'account-a', amount: 1 } } },
      { afterSeq: 7, stream: 'account-a', event: { type: 'FundsWithdrawn', payload: { accountNumber: 'account-a', amount: 2 } } },
      { afterSeq: 7, stream: 'account-a', event: { type: 'FundsAdded', payload: { accountNumber: 'account-a', amount: 3 } } },
      { afterSeq: 0, stream: 'account-b', event: { type: 'FundsWithdrawn', payload: { accountNumber: 'account-b', amount: 4 } } },
    ];
    const search = new LogSearch(store, filters({ type: 'FundsWithdrawn' }), 30, inject, false);
    await searchAll(search);
    // One played after event n sits just above it, newest first.
    expect(shown(search.rows)).toEqual(['after 30: FundsWithdrawn', 27, 26, 25, 18, 17, 16, 9, 8, 'after 7: FundsWithdrawn', 7, 'after 0: FundsWithdrawn']);
    const injected = search.rows.filter((r) => r.kind === 'injected');
    // Each keeps its place in the plan, so Remove takes out the right one.
    expect(injected.map((r) => (r.kind === 'injected' ? r.index : -1))).toEqual([0, 1, 3]);
  });

  test('a read that fails stops the search and says why', async () => {
    const store = await threeStreams();
    const failing = { ...store, readAll: async () => Promise.reject(new Error('the disk is gone')) } as EventStore;
    const search = new LogSearch(failing, filters({ type: 'FundsAdded' }), 30, [], false);
    await search.more();
    expect(search).toMatchObject({ done: true, busy: false, error: 'the disk is gone' });
    expect(search.rows).toEqual([]);
  });
});
