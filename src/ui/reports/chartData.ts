import {
  accountHistory,
  balanceSeries,
  listAccounts,
  type AccountsState,
  type HistoryState,
  type ReportsState,
} from '../../domain/index.ts';

export interface BalanceLine {
  label: string;
  /** Closing balance in cents per day of `days`; null before the account existed. */
  values: (number | null)[];
}

export interface BalanceChartData {
  /** UTC days ("2025-03-14") on which any shown balance changed, oldest first. */
  days: string[];
  total: BalanceLine;
  accounts: BalanceLine[];
  /** How many open accounts were left out to keep the chart readable. */
  hidden: number;
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

/**
 * Money in the system and the balances of the largest accounts at the close of each day that changed
 * any of them. Days are UTC, as the reports read model buckets them.
 */
export function balanceChartData(
  reports: ReportsState,
  accounts: AccountsState,
  history: HistoryState,
  maxAccounts = 6,
): BalanceChartData {
  const total = closes(balanceSeries(reports).map((row): [string, number] => [row.day, row.total]));
  const open = listAccounts(accounts).filter((a) => a.status === 'open');
  const shown = open.toSorted((a, b) => b.balance - a.balance).slice(0, maxAccounts);
  const perAccount = shown.map((a) => ({
    label: a.owner,
    byDay: closes(
      accountHistory(history, a.accountNumber, { newestFirst: false, limit: Infinity }).entries.map(
        (e): [string, number] => [e.at.slice(0, 10), e.balance],
      ),
    ),
  }));
  const daySet = new Set(total.keys());
  for (const line of perAccount) for (const day of line.byDay.keys()) daySet.add(day);
  const days = [...daySet].sort();
  return {
    days,
    total: { label: 'Money in the system', values: fill(days, total) },
    accounts: perAccount.map((line) => ({ label: line.label, values: fill(days, line.byDay) })),
    hidden: open.length - shown.length,
  };
}
