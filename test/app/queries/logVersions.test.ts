import { afterEach, describe, expect, test } from 'vitest';
import type { EventInput, EventStore, StoredEvent } from '../../../src/eventstore/index.ts';
import { CATEGORIES, UNCATEGORIZED } from '../../../src/domain/index.ts';
import { currentShapes } from '../../../src/app/currentShapes.ts';
import { eventLogQueries } from '../../../src/app/queries/eventLogQueries.ts';
import { EventBatches } from '../../../src/app/queries/eventBatches.ts';
import { LogSearch } from '../../../src/app/queries/logSearch.ts';
import { NEWER_VERSION_TYPE, NO_FILTERS, categoryOf, filterCategories, isFiltered, type LogFilters } from '../../../src/app/queries/logFilters.ts';
import { closeStores, openStore } from '../../eventstore/helpers.ts';

afterEach(closeStores);

const A = 'account-1111222233334444';
const B = 'account-5555666677778888';
const number = (stream: string) => stream.slice('account-'.length);

/** A movement as Rewind 0.1.0 stored it: schema 1, no category. */
const old = (type: string, stream: string, amount: number): EventInput => ({ type, payload: { accountNumber: number(stream), amount } });
/** A movement as this version stores it: schema 2, with its category. */
const current = (type: string, stream: string, amount: number, category: string): EventInput => ({
  type,
  payload: { accountNumber: number(stream), amount, category },
  meta: { schema: 2 },
});

/**
 * seq 1-4: schema-1 movements (1, 2 on A; 3, 4 on B); seq 5-9: schema-2 ones
 * (5 Groceries on A, 6 Utilities on B, 7 Uncategorized on A, 8 Groceries on B,
 * 9 Rent on A); seq 10-12: a newer version's (an unknown type on A, a schema-3
 * FundsAdded of Gifts on B, an unknown stream); seq 13: an account opened.
 */
async function mixedLog(): Promise<EventStore> {
  const store = await openStore();
  await store.append(A, [old('FundsAdded', A, 100), old('FundsWithdrawn', A, 20)]);
  await store.append(B, [old('FundsAdded', B, 50), old('TransferReceived', B, 30)]);
  await store.append(A, [current('FundsWithdrawn', A, 5, 'Groceries')]);
  await store.append(B, [current('FundsWithdrawn', B, 6, 'Utilities')]);
  await store.append(A, [current('FundsAdded', A, 7, UNCATEGORIZED)]);
  await store.append(B, [current('FundsWithdrawn', B, 8, 'Groceries')]);
  await store.append(A, [current('TransferSent', A, 9, 'Rent')]);
  await store.append(A, [{ type: 'AccountFrozen', payload: { accountNumber: number(A), reason: 'Card reported lost' } }]);
  await store.append(B, [{ type: 'FundsAdded', payload: { accountNumber: number(B), amount: 25, category: 'Gifts', currency: 'EUR' }, meta: { schema: 3 } }]);
  await store.append('budget-2026-01', [{ type: 'BudgetSet', payload: { month: '2026-01', category: 'Groceries', limit: 400 } }]);
  await store.append('account-9999000011112222', [{ type: 'AccountOpened', payload: { accountNumber: '9999000011112222', owner: 'Carol', email: 'c@example.org' } }]);
  return store;
}

const filters = (f: Partial<LogFilters>): LogFilters => ({ ...NO_FILTERS, ...f });

async function search(store: EventStore, f: Partial<LogFilters>, exactStream = false): Promise<LogSearch> {
  // The app reads the log in today's shape, as src/app/ledger.ts wires it.
  const found = eventLogQueries(currentShapes(store)).searchLog(filters(f), { top: 13, inject: [], exactStream });
  for (let steps = 0; !found.done; steps++) {
    if (steps > 50) throw new Error('the search never finished');
    await found.more();
  }
  return found;
}

const seqs = (s: LogSearch) => s.rows.map((r) => (r.kind === 'event' ? r.seq : -1));

describe('the category filter', () => {
  test('finds movements stored before categories under Uncategorized, alongside today’s uncategorised ones, and no other events', async () => {
    const store = await mixedLog();
    const found = await search(store, { category: UNCATEGORIZED });
    expect(seqs(found)).toEqual([7, 4, 3, 2, 1]);
    // The rows hold the events as read: lifted, with the schema they are stored in.
    expect(found.rows.map((r) => r.event?.meta.upcastFrom)).toEqual([undefined, 1, 1, 1, 1]);
    expect(found.rows.every((r) => r.event && categoryOf(r.event) === UNCATEGORIZED)).toBe(true);
  });

  test('finds a preset or a custom category, a preset in any letter case, and nothing for a category no movement has', async () => {
    const store = await mixedLog();
    expect(seqs(await search(store, { category: 'Groceries' }))).toEqual([8, 5]);
    expect(seqs(await search(store, { category: 'groceries' }))).toEqual([8, 5]);
    expect(seqs(await search(store, { category: 'Utilities' }))).toEqual([6]);
    expect(seqs(await search(store, { category: 'Salary' }))).toEqual([]);
  });

  test('combines with the account, read through the stream index, and with type and text', async () => {
    const store = await mixedLog();
    const onA = await search(store, { category: UNCATEGORIZED, stream: A }, true);
    expect(seqs(onA)).toEqual([7, 2, 1]);
    // Only account A's own events were read, not the whole log.
    expect(onA.examined).toBe(6);
    expect(seqs(await search(store, { category: UNCATEGORIZED, type: 'FundsWithdrawn' }))).toEqual([2]);
    expect(seqs(await search(store, { category: 'Groceries', text: '"amount":8' }))).toEqual([8]);
  });

  test('reads the log no more than a type filter does', async () => {
    const store = await mixedLog();
    expect((await search(store, { category: 'Rent' })).examined).toBe((await search(store, { type: 'TransferSent' })).examined);
  });

  test('counts as a filter, and a newer version’s categories are not read', async () => {
    expect(isFiltered(filters({ category: 'Rent' }))).toBe(true);
    expect(isFiltered(filters({ category: '  ' }))).toBe(false);
    const store = await mixedLog();
    // Gifts is only on the schema-3 deposit, and Groceries also names the budget of an unknown type.
    expect(seqs(await search(store, { category: 'Gifts' }))).toEqual([]);
    expect(seqs(await search(store, { category: 'Groceries' }))).not.toContain(10);
  });

  test('a movement read straight from the store, not yet lifted, has its category as this version reads it', async () => {
    const store = await mixedLog();
    const [stored] = await store.readAll({ fromSeq: 1, toSeq: 1 });
    expect(stored!.payload).not.toHaveProperty('category');
    expect(categoryOf(stored!)).toBe(UNCATEGORIZED);
    const raw = new LogSearch(store, filters({ category: UNCATEGORIZED }), 13, [], false);
    await raw.more();
    expect(seqs(raw)).toEqual([7, 4, 3, 2, 1]);
  });
});

describe('events recorded by a newer version', () => {
  test('have a type filter of their own: an unknown type, a known type in a newer schema, an unknown stream', async () => {
    const store = await mixedLog();
    const newer = await search(store, { type: NEWER_VERSION_TYPE });
    expect(seqs(newer)).toEqual([12, 11, 10]);
    expect(newer.rows.map((r) => r.event?.type)).toEqual(['BudgetSet', 'FundsAdded', 'AccountFrozen']);
    // They reach the screen as stored: nothing lifted, nothing guessed.
    expect(newer.rows[1]!.event).toMatchObject({ payload: { currency: 'EUR' }, meta: { schema: 3 } });
    expect(newer.rows[1]!.event!.meta.upcastFrom).toBeUndefined();
  });

  test('are not listed under the name of a type this version reads', async () => {
    const store = await mixedLog();
    expect(seqs(await search(store, { type: 'FundsAdded' }))).toEqual([7, 3, 1]);
    // Text still finds them, as it finds anything in the log.
    expect(seqs(await search(store, { text: 'card reported lost' }))).toEqual([10]);
  });
});

describe('the categories the filter offers', () => {
  test('are the presets, then the other categories met, by name, and Uncategorized last', () => {
    expect(filterCategories([])).toEqual([...CATEGORIES, UNCATEGORIZED]);
    expect(filterCategories(['utilities', 'Eating out', 'groceries', UNCATEGORIZED, 'Utilities', ' '])).toEqual([
      ...CATEGORIES,
      'Eating out',
      'Utilities',
      'utilities',
      UNCATEGORIZED,
    ]);
  });

  test('grow with the events the list and the searches read, never with a newer version’s', async () => {
    const store = await mixedLog();
    const queries = eventLogQueries(currentShapes(store));
    let heard = 0;
    queries.categories.subscribe(() => heard++);
    expect(queries.categories.names).toEqual([...CATEGORIES, UNCATEGORIZED]);

    const batches: EventBatches = queries.eventBatches();
    const loaded = new Promise<void>((resolve) => batches.subscribe(resolve));
    batches.ensure(1, 13);
    await loaded;
    expect(queries.categories.names).toEqual([...CATEGORIES, 'Utilities', UNCATEGORIZED]);
    expect(heard).toBe(1);

    // A search meets the same categories: nothing new, nobody told.
    const found = queries.searchLog(filters({ type: 'FundsWithdrawn' }), { top: 13, inject: [], exactStream: false });
    await found.more();
    expect(heard).toBe(1);
  });
});

describe('the stored form of an event read in today’s shape', () => {
  test('is the event exactly as the log keeps it: schema 1, no category, nothing about lifting', async () => {
    const store = await mixedLog();
    const queries = eventLogQueries(currentShapes(store));
    const [read] = await currentShapes(store).readAll({ fromSeq: 2, toSeq: 2 });
    expect(read).toMatchObject({ payload: { category: UNCATEGORIZED }, meta: { schema: 2, upcastFrom: 1 } });

    const stored = (await queries.storedEvent(2)) as StoredEvent;
    expect(stored.payload).toEqual({ accountNumber: number(A), amount: 20 });
    expect(stored.meta).toMatchObject({ seq: 2, stream: A, version: 2 });
    expect(stored.meta).not.toHaveProperty('schema');
    expect(stored.meta).not.toHaveProperty('upcastFrom');
    expect(await queries.storedEvent(99)).toBeUndefined();
  });

  test('is read from a sealed page as well as from the tail, characters beyond ASCII as written', async () => {
    const store = await openStore();
    await store.append(A, Array.from({ length: 600 }, (_, i) => ({ type: 'FundsAdded', payload: { accountNumber: number(A), amount: i + 1, note: 'Café ☕ 東京' } })));
    await store.settled();
    const stored = await eventLogQueries(currentShapes(store)).storedEvent(3);
    expect(stored?.payload).toEqual({ accountNumber: number(A), amount: 3, note: 'Café ☕ 東京' });
  });
});
