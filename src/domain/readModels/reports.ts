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

/** A year a batch has touched: its months array is the batch's copy, and so is each month in `copied` (bit m). */
type YearDraft<M> = { total: number; months: (M | null)[]; copied: number };

/**
 * A batch's additions to a PeriodTree, made on copies: each touched year's
 * months and each touched month's days are copied once, then added to in
 * place, in the order and with the same sums as addTo one event at a time.
 */
class PeriodTreeDraft {
  private total: number;
  private readonly years = new Map<string, YearDraft<MonthFigures>>();

  constructor(private readonly base: PeriodTree) {
    this.total = base.total;
  }

  add(at: string, amount: number): void {
    const [y, m, d] = split(at);
    let year = this.years.get(y);
    if (!year) {
      const current = this.base.years[y] ?? { total: 0, months: NO_MONTHS };
      this.years.set(y, (year = { total: current.total, months: current.months.slice(), copied: 0 }));
    }
    if (((year.copied >>> m) & 1) === 0) {
      const current = year.months[m] ?? { total: 0, days: NO_DAYS };
      year.months[m] = { total: current.total, days: current.days.slice() };
      year.copied |= 1 << m;
    }
    const month = year.months[m] as { total: number; days: number[] };
    month.days[d] = month.days[d]! + amount;
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

/** A batch's closes on a DailyClose, made on copies of the touched years and months, as closeDay would. */
class DailyCloseDraft {
  private readonly years = new Map<string, Omit<YearDraft<readonly (number | null)[]>, 'total'>>();

  constructor(private readonly base: DailyClose) {}

  close(at: string, value: number): void {
    const [y, m, d] = split(at);
    let year = this.years.get(y);
    if (!year) this.years.set(y, (year = { months: (this.base[y] ?? NO_MONTHS).slice(), copied: 0 }));
    if (((year.copied >>> m) & 1) === 0) {
      year.months[m] = (year.months[m] ?? NO_CLOSES).slice();
      year.copied |= 1 << m;
    }
    (year.months[m] as (number | null)[])[d] = value;
  }

  done(): DailyClose {
    if (this.years.size === 0) return this.base;
    const daily = { ...this.base };
    for (const [y, { months }] of this.years) daily[y] = months;
    return daily;
  }
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
  applyMany(state, events) {
    const moved = new PeriodTreeDraft(state.moneyMoved);
    const closes = new DailyCloseDraft(state.balanceByDay);
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
          closes.close(event.meta.at, inSystem);
          break;
        case 'FundsAdded':
          inSystem += event.payload.amount;
          closes.close(event.meta.at, inSystem);
          break;
      }
    }
    const moneyMoved = moved.done();
    const balanceByDay = closes.done();
    if (moneyMoved === state.moneyMoved && balanceByDay === state.balanceByDay) return state;
    return { ...state, moneyMoved, balanceByDay, inSystem };
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
