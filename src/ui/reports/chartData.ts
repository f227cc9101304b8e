import {
  balanceSeries,
  listAccounts,
  localDay,
  type AccountsState,
  type AccountSummary,
  type HistoryEntry,
  type ReportsState,
  type UtcOffsetAt,
} from '../../domain/index.ts';

export interface BalanceLine {
  label: string;
  /** Closing balance in cents per day of `days`; null before the account existed. */
  values: (number | null)[];
}

export interface BalanceChartData {
  /** Calendar days ("2025-03-14") of the time zone given on which any shown balance changed, oldest first. */
  days: string[];
  total: BalanceLine;
  accounts: BalanceLine[];
  /** How many open accounts were left out to keep the chart readable. */
  hidden: number;
}

/** The accounts the chart draws: the open ones holding the most, and how many open ones it leaves out. */
export function chartedAccounts(accounts: AccountsState, maxAccounts = 6): { shown: AccountSummary[]; hidden: number } {
  const open = listAccounts(accounts).filter((a) => a.status === 'open');
  const shown = open.toSorted((a, b) => b.balance - a.balance).slice(0, maxAccounts);
  return { shown, hidden: open.length - shown.length };
}

/** Each day's last value, from (day, value) pairs in time order. */
function closes(points: Iterable<[string, number]>): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const [day, value] of points) byDay.set(day, value);
  return byDay;
}

/** A value for every day, carried forward from the last change; null before the first. */
function fill(days: string[], byDay: Map<string, number>): (number | null)[] {
  let last: number | null = null;
  return days.map((day) => (last = byDay.get(day) ?? last));
}

/** An account's closing balance per day, from its history lines (newest first, as they are read). */
function dailyCloses(newestFirst: readonly HistoryEntry[], offsetAt?: UtcOffsetAt): Map<string, number> {
  return closes(newestFirst.toReversed().map((e): [string, number] => [localDay(e.at, offsetAt), e.balance]));
}

/**
 * Money in the system and the balances of the charted accounts at the close of
 * each day that changed any of them, days of the time zone `offsetAt` gives
 * (UTC unless told). `histories` holds each charted account's history lines.
 */
export function balanceChartData(
  reports: ReportsState,
  charted: { shown: readonly AccountSummary[]; hidden: number },
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  offsetAt?: UtcOffsetAt,
): BalanceChartData {
  const total = closes(balanceSeries(reports, offsetAt).map((row): [string, number] => [row.day, row.total]));
  const perAccount = charted.shown.map((a) => ({ label: a.owner, byDay: dailyCloses(histories.get(a.accountNumber) ?? [], offsetAt) }));
  const daySet = new Set(total.keys());
  for (const line of perAccount) for (const day of line.byDay.keys()) daySet.add(day);
  const days = [...daySet].sort();
  return {
    days,
    total: { label: 'Money in the system', values: fill(days, total) },
    accounts: perAccount.map((line) => ({ label: line.label, values: fill(days, line.byDay) })),
    hidden: charted.hidden,
  };
}
