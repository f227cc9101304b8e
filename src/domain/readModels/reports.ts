import type { Projection } from '../../replay/projection.ts';
import { listAccounts, type AccountsState, type AccountSummary } from './accounts.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { readerVersion } from '../schema/eventSchema.ts';

/**
 * Amounts by quarter of an hour in UTC, so that the screens can add them up
 * into the days, months and years of any time zone (every zone's offset is a
 * whole number of quarters) while the log reads the same on every device.
 * A month holds its quarters in one record keyed by d * 96 + q (day d's
 * quarter q), holding only the quarters where something moved, so that
 * snapshots (JSON) stay small; a year holds its months as an array (index 0
 * is January), because small arrays copy fast.
 */
export type MonthFigures = { total: number; quarters: Readonly<Record<number, number>> };
export type YearFigures = { total: number; months: readonly (MonthFigures | null)[] };
export type PeriodTree = { total: number; years: Readonly<Record<string, YearFigures>> };

export type ReportsState = {
  /** Money moved: transfers (counted once, on the sending side) plus withdrawals. */
  moneyMoved: PeriodTree;
  /** Deposits and withdrawals, whose difference is the change in the money in the system. */
  added: PeriodTree;
  withdrawn: PeriodTree;
  inSystem: number;
};

const QUARTERS_PER_DAY = 96;
const NO_MONTHS: readonly null[] = new Array<null>(12).fill(null);
const NO_QUARTERS: Readonly<Record<number, number>> = {};

/** Year, month and the quarter's place in the month's array, from an ISO time ("2025-03-14T09:47:12.000Z"). */
function splitQuarter(at: string): [string, number, number] {
  const quarter = Number(at.slice(11, 13)) * 4 + Math.floor(Number(at.slice(14, 16)) / 15);
  return [at.slice(0, 4), Number(at.slice(5, 7)) - 1, (Number(at.slice(8, 10)) - 1) * QUARTERS_PER_DAY + quarter];
}

/** Adds to a quarter; one left at zero (a what-if branch took its amounts away) is dropped, as if nothing had moved. */
function addToQuarter(quarters: Record<number, number>, q: number, amount: number): void {
  const sum = (quarters[q] ?? 0) + amount;
  if (sum === 0) delete quarters[q];
  else quarters[q] = sum;
}

function addTo(tree: PeriodTree, at: string, amount: number): PeriodTree {
  const [y, m, q] = splitQuarter(at);
  const year = tree.years[y] ?? { total: 0, months: NO_MONTHS };
  const month = year.months[m] ?? { total: 0, quarters: NO_QUARTERS };
  const quarters = { ...month.quarters };
  addToQuarter(quarters, q, amount);
  const months = year.months.slice();
  months[m] = { total: month.total + amount, quarters };
  return { total: tree.total + amount, years: { ...tree.years, [y]: { total: year.total + amount, months } } };
}

/** A year a batch has touched: its months array is the batch's copy, and so is each month in `copied` (bit m). */
type YearDraft = { total: number; months: (MonthFigures | null)[]; copied: number };

/**
 * A batch's additions to a PeriodTree, made on copies: each touched year's
 * months and each touched month's quarters are copied once, then added to in
 * place, in the order and with the same sums as addTo one event at a time.
 */
class PeriodTreeDraft {
  private total: number;
  private readonly years = new Map<string, YearDraft>();

  constructor(private readonly base: PeriodTree) {
    this.total = base.total;
  }

  add(at: string, amount: number): void {
    const [y, m, q] = splitQuarter(at);
    let year = this.years.get(y);
    if (!year) {
      const current = this.base.years[y] ?? { total: 0, months: NO_MONTHS };
      this.years.set(y, (year = { total: current.total, months: current.months.slice(), copied: 0 }));
    }
    if (((year.copied >>> m) & 1) === 0) {
      const current = year.months[m] ?? { total: 0, quarters: NO_QUARTERS };
      year.months[m] = { total: current.total, quarters: { ...current.quarters } };
      year.copied |= 1 << m;
    }
    const month = year.months[m] as { total: number; quarters: Record<number, number> };
    addToQuarter(month.quarters, q, amount);
    month.total += amount;
    year.total += amount;
    this.total += amount;
  }

  done(): PeriodTree {
    if (this.years.size === 0) return this.base;
    const years = { ...this.base.years };
    for (const [y, { total, months }] of this.years) years[y] = { total, months };
    return { total: this.total, years };
  }
}

const NO_MOVES: PeriodTree = { total: 0, years: {} };

export const reportsProjection: Projection<ReportsState> = {
  name: 'reports',
  // 3: amounts by quarter of an hour, deposits and withdrawals kept apart; no closes by UTC day.
  version: readerVersion(3),
  initial: { moneyMoved: NO_MOVES, added: NO_MOVES, withdrawn: NO_MOVES, inSystem: 0 },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    if (!event) return state;
    const { at } = event.meta;
    switch (event.type) {
      case 'TransferSent':
        return { ...state, moneyMoved: addTo(state.moneyMoved, at, event.payload.amount) };
      case 'FundsWithdrawn': {
        const inSystem = state.inSystem - event.payload.amount;
        return {
          ...state,
          moneyMoved: addTo(state.moneyMoved, at, event.payload.amount),
          withdrawn: addTo(state.withdrawn, at, event.payload.amount),
          inSystem,
        };
      }
      case 'FundsAdded': {
        const inSystem = state.inSystem + event.payload.amount;
        return { ...state, added: addTo(state.added, at, event.payload.amount), inSystem };
      }
      default:
        return state;
    }
  },
  applyMany(state, events) {
    const moved = new PeriodTreeDraft(state.moneyMoved);
    const added = new PeriodTreeDraft(state.added);
    const withdrawn = new PeriodTreeDraft(state.withdrawn);
    let inSystem = state.inSystem;
    for (const stored of events) {
      const event = asAccountEvent(stored);
      switch (event?.type) {
        case 'TransferSent':
          moved.add(event.meta.at, event.payload.amount);
          break;
        case 'FundsWithdrawn':
          inSystem -= event.payload.amount;
          moved.add(event.meta.at, event.payload.amount);
          withdrawn.add(event.meta.at, event.payload.amount);
          break;
        case 'FundsAdded':
          inSystem += event.payload.amount;
          added.add(event.meta.at, event.payload.amount);
          break;
      }
    }
    const next = { moneyMoved: moved.done(), added: added.done(), withdrawn: withdrawn.done() };
    if (next.moneyMoved === state.moneyMoved && next.added === state.added && next.withdrawn === state.withdrawn) return state;
    return { ...next, inSystem };
  },
};

export type Granularity = 'year' | 'month' | 'day';
export type PeriodRow = { period: string; amount: number };

/**
 * A time zone, as data: how many minutes its clocks are ahead of UTC at an
 * instant (milliseconds since the epoch). Berlin gives 60 in winter and 120 in
 * summer, New York -300 and -240. The screens pass the device's.
 */
export type UtcOffsetAt = (utcMs: number) => number;
export const UTC: UtcOffsetAt = () => 0;

const QUARTER_MS = 15 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** The calendar day ("2025-03-14") an instant falls on in a time zone. */
export function localDay(at: string | number, offsetAt: UtcOffsetAt = UTC): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + offsetAt(ms) * MINUTE_MS).toISOString().slice(0, 10);
}

/** Each quarter of a tree that holds an amount, oldest first, as the instant it starts at and its amount. */
function* quartersOf(tree: PeriodTree): Generator<[number, number]> {
  for (const y of Object.keys(tree.years).sort()) {
    const months = tree.years[y]!.months;
    for (let m = 0; m < 12; m++) {
      const quarters = months[m]?.quarters;
      if (!quarters) continue;
      const start = Date.UTC(Number(y), m, 1);
      // Integer keys come in ascending order: the quarters in time order.
      for (const [i, amount] of Object.entries(quarters)) yield [start + Number(i) * QUARTER_MS, amount];
    }
  }
}

/**
 * Money moved per year ("2025"), month ("2025-03") or day ("2025-03-14") of
 * the time zone given (UTC unless told), oldest first; periods without any left out.
 */
export function moneyMovedBy(state: ReportsState, granularity: Granularity, offsetAt: UtcOffsetAt = UTC): PeriodRow[] {
  const length = granularity === 'year' ? 4 : granularity === 'month' ? 7 : 10;
  const byPeriod = new Map<string, number>();
  for (const [ms, amount] of quartersOf(state.moneyMoved)) {
    const period = localDay(ms, offsetAt).slice(0, length);
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + amount);
  }
  return [...byPeriod.keys()].sort().map((period) => ({ period, amount: byPeriod.get(period)! }));
}

/**
 * Money in the system at the close of each day (of the time zone given, UTC
 * unless told) that had a deposit or withdrawal, oldest first: every deposit
 * and withdrawal counts from the moment it is dated.
 */
export function balanceSeries(state: ReportsState, offsetAt: UtcOffsetAt = UTC): { day: string; total: number }[] {
  const moves = new Map<number, number>();
  for (const [ms, amount] of quartersOf(state.added)) moves.set(ms, amount);
  for (const [ms, amount] of quartersOf(state.withdrawn)) moves.set(ms, (moves.get(ms) ?? 0) - amount);
  const closes = new Map<string, number>();
  let total = 0;
  for (const ms of [...moves.keys()].sort((a, b) => a - b)) {
    total += moves.get(ms)!;
    closes.set(localDay(ms, offsetAt), total);
  }
  return [...closes].map(([day, close]) => ({ day, total: close }));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Open accounts with no activity in the `days` days before `at` (the report's
 * point in time: during time travel, that past moment). Pass the accounts state
 * as it was at `at`; an account opened inside the window is active.
 */
export function inactiveAccounts(accounts: AccountsState, at: Date | string, days = 30): AccountSummary[] {
  const cutoff = new Date(new Date(at).getTime() - days * DAY_MS).toISOString();
  return listAccounts(accounts).filter((a) => a.status === 'open' && a.lastActivityAt < cutoff);
}
