import type { Projection } from '../../replay/projection.ts';
import { listAccounts, type AccountsState, type AccountSummary } from './accounts.ts';
import { asAccountEvent } from './ledgerEvent.ts';

/**
 * Figures by calendar period, bucketed by the UTC date of each event (the log
 * must read the same on every device, whatever its time zone). Months and days
 * are arrays (index 0 is January, or the 1st) because small arrays copy fast.
 */
export type MonthFigures = { total: number; days: readonly number[] };
export type YearFigures = { total: number; months: readonly (MonthFigures | null)[] };
export type PeriodTree = { total: number; years: Readonly<Record<string, YearFigures>> };
/** Closing value per day, null on days without a change. */
export type DailyClose = Readonly<Record<string, readonly (readonly (number | null)[] | null)[]>>;

export type ReportsState = {
  /** Money moved: transfers (counted once, on the sending side) plus withdrawals. */
  moneyMoved: PeriodTree;
  /** Money in the system (every balance together) at the end of each day that had a deposit or withdrawal. */
  balanceByDay: DailyClose;
  inSystem: number;
};

const NO_MONTHS: readonly null[] = new Array<null>(12).fill(null);
const NO_DAYS: readonly number[] = new Array<number>(31).fill(0);
const NO_CLOSES: readonly null[] = new Array<null>(31).fill(null);

function split(at: string): [string, number, number] {
  return [at.slice(0, 4), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10)) - 1];
}

function addTo(tree: PeriodTree, at: string, amount: number): PeriodTree {
  const [y, m, d] = split(at);
  const year = tree.years[y] ?? { total: 0, months: NO_MONTHS };
  const month = year.months[m] ?? { total: 0, days: NO_DAYS };
  const days = month.days.slice();
  days[d] = days[d]! + amount;
  const months = year.months.slice();
  months[m] = { total: month.total + amount, days };
  return { total: tree.total + amount, years: { ...tree.years, [y]: { total: year.total + amount, months } } };
}

function closeDay(daily: DailyClose, at: string, value: number): DailyClose {
  const [y, m, d] = split(at);
  const months = (daily[y] ?? NO_MONTHS).slice();
  const days = (months[m] ?? NO_CLOSES).slice();
  days[d] = value;
  months[m] = days;
  return { ...daily, [y]: months };
}

export const reportsProjection: Projection<ReportsState> = {
  name: 'reports',
  version: 1,
  initial: { moneyMoved: { total: 0, years: {} }, balanceByDay: {}, inSystem: 0 },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    if (!event) return state;
    switch (event.type) {
      case 'TransferSent':
        return { ...state, moneyMoved: addTo(state.moneyMoved, event.meta.at, event.payload.amount) };
      case 'FundsWithdrawn': {
        const inSystem = state.inSystem - event.payload.amount;
        return {
          moneyMoved: addTo(state.moneyMoved, event.meta.at, event.payload.amount),
          balanceByDay: closeDay(state.balanceByDay, event.meta.at, inSystem),
          inSystem,
        };
      }
      case 'FundsAdded': {
        const inSystem = state.inSystem + event.payload.amount;
        return { ...state, balanceByDay: closeDay(state.balanceByDay, event.meta.at, inSystem), inSystem };
      }
      default:
        return state;
    }
  },
};

export type Granularity = 'year' | 'month' | 'day';
export type PeriodRow = { period: string; amount: number };

const pad = (n: number) => String(n + 1).padStart(2, '0');

/** Money moved per year ("2025"), month ("2025-03") or day ("2025-03-14"), oldest first; periods without any left out. */
export function moneyMovedBy(state: ReportsState, granularity: Granularity): PeriodRow[] {
  const rows: PeriodRow[] = [];
  for (const y of Object.keys(state.moneyMoved.years).sort()) {
    const year = state.moneyMoved.years[y]!;
    if (granularity === 'year') {
      rows.push({ period: y, amount: year.total });
      continue;
    }
    year.months.forEach((month, m) => {
      if (!month) return;
      if (granularity === 'month') rows.push({ period: `${y}-${pad(m)}`, amount: month.total });
      else month.days.forEach((amount, d) => amount > 0 && rows.push({ period: `${y}-${pad(m)}-${pad(d)}`, amount }));
    });
  }
  return rows;
}

/** Money in the system at the close of each day that changed it ("2025-03-14"), oldest first. */
export function balanceSeries(state: ReportsState): { day: string; total: number }[] {
  const rows: { day: string; total: number }[] = [];
  for (const y of Object.keys(state.balanceByDay).sort()) {
    state.balanceByDay[y]!.forEach((days, m) =>
      days?.forEach((total, d) => total !== null && rows.push({ day: `${y}-${pad(m)}-${pad(d)}`, total })),
    );
  }
  return rows;
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
