import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { UNCATEGORIZED } from '../accounts/categories.ts';
import { readerVersion } from '../schema/eventSchema.ts';
import { asAccountEvent } from './ledgerEvent.ts';

/**
 * What each category took out of the ledger (withdrawals), per UTC month
 * ("2025-03"), so that the screens can add it up into the months of any time
 * zone. Every zone is less than a day from UTC, so only a withdrawal on a UTC
 * month's first or last day can belong to a neighbouring local month: those
 * two days are kept by quarter of an hour (key d * 96 + q, as in reports.ts),
 * the rest of the month only in its total.
 */
export type CategoryMonth = { total: number; edges: Readonly<Record<number, number>> };
/** A month's categories by their index in `SpendingState.categories`, only those that took money out. */
export type SpendingMonth = Readonly<Record<number, CategoryMonth>>;
export type SpendingState = {
  /** Each category with a withdrawal, once, in code-unit order: the months name them by index, and any log holding the same withdrawals lists them alike. */
  categories: readonly string[];
  months: Readonly<Record<string, SpendingMonth>>;
};

export const QUARTERS_PER_DAY = 96;
const NO_EDGES: Readonly<Record<number, number>> = {};
const NO_CATEGORIES: SpendingMonth = {};

function daysInMonth(year: number, month0: number): number {
  if (month0 !== 1) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** The quarter's key in its month when the time ("2025-03-31T22:47:12.000Z") is on the month's first or last day, else -1. */
export function edgeQuarter(at: string): number {
  // Read digit by digit: this runs for every withdrawal in a replay, and most days are neither.
  const day = (at.charCodeAt(8) - 48) * 10 + at.charCodeAt(9) - 49;
  if (day !== 0 && (day < 27 || day !== daysInMonth(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1) - 1)) return -1;
  return day * QUARTERS_PER_DAY + Number(at.slice(11, 13)) * 4 + Math.floor(Number(at.slice(14, 16)) / 15);
}

/** Adds to a quarter; one left at zero (a what-if branch took its amounts away) is dropped. */
function addToQuarter(edges: Record<number, number>, q: number, amount: number): void {
  const sum = (edges[q] ?? 0) + amount;
  if (sum === 0) delete edges[q];
  else edges[q] = sum;
}

/** Where `name` belongs in the sorted list. */
function insertionPoint(names: readonly string[], name: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (names[mid]! < name) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The state with its categories renamed to new indexes (`to[old]`, -1 drops one). */
function reindex(state: SpendingState, categories: readonly string[], to: readonly number[]): SpendingState {
  const months: Record<string, SpendingMonth> = {};
  for (const [key, month] of Object.entries(state.months)) {
    const next: Record<number, CategoryMonth> = {};
    for (const [i, cell] of Object.entries(month)) if (to[Number(i)]! >= 0) next[to[Number(i)]!] = cell;
    months[key] = next;
  }
  return { categories, months };
}

/** The state with every name in `names` among its categories. */
function withCategories(state: SpendingState, names: Iterable<string>): SpendingState {
  const added = new Set<string>();
  for (const name of names) if (!state.categories.includes(name)) added.add(name);
  if (added.size === 0) return state;
  const categories = [...state.categories, ...added].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return reindex(state, categories, state.categories.map((name) => insertionPoint(categories, name)));
}

/** The state without categories that no month names any more (a what-if branch took their withdrawals away). */
export function withoutUnusedCategories(state: SpendingState): SpendingState {
  const used = new Set<number>();
  for (const month of Object.values(state.months)) for (const i of Object.keys(month)) used.add(Number(i));
  if (used.size === state.categories.length) return state;
  const categories = state.categories.filter((_name, i) => used.has(i));
  return reindex(state, categories, state.categories.map((name, i) => (used.has(i) ? categories.indexOf(name) : -1)));
}

const categoryOf = (payload: { category?: string }): string => payload.category ?? UNCATEGORIZED;

/** A withdrawal's category, time and amount, or undefined for any other event. */
function withdrawalOf(stored: StoredEvent): { category: string; at: string; amount: number } | undefined {
  // Most events are not withdrawals: the type is compared before anything else is looked at.
  const event = stored.type === 'FundsWithdrawn' ? asAccountEvent(stored) : undefined;
  if (event?.type !== 'FundsWithdrawn') return undefined;
  return { category: categoryOf(event.payload), at: event.meta.at, amount: event.payload.amount };
}

/** Adds `amount` (negative to take it away) to a category's month; a category's month, or a month, left with nothing is dropped. */
function addSpending(state: SpendingState, index: number, at: string, amount: number): SpendingState {
  const key = at.slice(0, 7);
  const month = state.months[key] ?? NO_CATEGORIES;
  const cell = month[index] ?? { total: 0, edges: NO_EDGES };
  const q = edgeQuarter(at);
  let edges = cell.edges;
  if (q >= 0) {
    const copy = { ...edges };
    addToQuarter(copy, q, amount);
    edges = copy;
  }
  const total = cell.total + amount;
  const nextMonth: Record<number, CategoryMonth> = { ...month };
  if (total === 0) delete nextMonth[index];
  else nextMonth[index] = { total, edges };
  const months: Record<string, SpendingMonth> = { ...state.months };
  if (Object.keys(nextMonth).length === 0) delete months[key];
  else months[key] = nextMonth;
  return { categories: state.categories, months };
}

/** The state with one event's withdrawal added (sign 1) or taken away (sign -1); any other event leaves it as it is. */
export function moveSpending(state: SpendingState, stored: StoredEvent, sign: 1 | -1): SpendingState {
  const withdrawal = withdrawalOf(stored);
  if (!withdrawal) return state;
  const next = withCategories(state, [withdrawal.category]);
  return addSpending(next, next.categories.indexOf(withdrawal.category), withdrawal.at, sign * withdrawal.amount);
}

/** A batch's withdrawals added on copies: each touched month and category's month is copied once, then added to in place, in the order and with the sums of apply. */
function addBatch(state: SpendingState, withdrawals: readonly { category: string; at: string; amount: number }[]): SpendingState {
  const base = withCategories(state, withdrawals.map((w) => w.category));
  const index = new Map(base.categories.map((name, i) => [name, i]));
  const months: Record<string, SpendingMonth> = { ...base.months };
  const touched = new Map<string, { cells: Record<number, CategoryMonth>; copied: Set<number> }>();
  for (const { category, at, amount } of withdrawals) {
    const key = at.slice(0, 7);
    let month = touched.get(key);
    if (!month) {
      month = { cells: { ...(base.months[key] ?? NO_CATEGORIES) }, copied: new Set() };
      touched.set(key, month);
      months[key] = month.cells;
    }
    const i = index.get(category)!;
    if (!month.copied.has(i)) {
      const current = month.cells[i];
      month.cells[i] = { total: current?.total ?? 0, edges: current ? { ...current.edges } : {} };
      month.copied.add(i);
    }
    const cell = month.cells[i] as { total: number; edges: Record<number, number> };
    cell.total += amount;
    const q = edgeQuarter(at);
    if (q >= 0) addToQuarter(cell.edges, q, amount);
  }
  return { categories: base.categories, months };
}

const NOTHING_SPENT: SpendingState = { categories: [], months: {} };

export const spendingProjection: Projection<SpendingState> = {
  name: 'spending',
  // 1: withdrawals by category and UTC month, the first and last day by quarter of an hour.
  version: readerVersion(1),
  initial: NOTHING_SPENT,
  apply: (state, stored) => moveSpending(state, stored, 1),
  applyMany(state, events) {
    const withdrawals = [];
    for (const stored of events) {
      const withdrawal = withdrawalOf(stored);
      if (withdrawal) withdrawals.push(withdrawal);
    }
    return withdrawals.length === 0 ? state : addBatch(state, withdrawals);
  },
};
