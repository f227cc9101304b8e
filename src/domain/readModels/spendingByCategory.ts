import { UTC, type UtcOffsetAt } from './reports.ts';
import type { SpendingState } from './spending.ts';

export type CategoryAmount = { category: string; amount: number };
/** A category's amount in a month and its share of the month's spending (0 to 1). */
export type CategoryShare = CategoryAmount & { share: number };
export type MonthSpending = { month: string; total: number; categories: CategoryShare[] };
export type SpendingReport = {
  /** Local months ("2025-03") with spending, oldest first; each lists its categories in the order of `categories`. */
  months: MonthSpending[];
  /** Every category that took money out in the months asked for, largest first (then by name). */
  categories: CategoryAmount[];
  total: number;
};
/** Local months, both included. */
export type MonthRange = { from: string; to: string };

const QUARTER_MS = 15 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const monthKey = (year: number, month0: number): string => {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
};

function checkedRange(range: MonthRange | string | undefined): MonthRange | undefined {
  if (range === undefined) return undefined;
  const { from, to } = typeof range === 'string' ? { from: range, to: range } : range;
  for (const month of [from, to]) if (!MONTH.test(month)) throw new RangeError(`“${month}” is not a month: write it as YYYY-MM, such as 2025-03.`);
  if (from > to) throw new RangeError(`The months run backwards: ${from} comes after ${to}.`);
  return { from, to };
}

/**
 * What each category took out of the ledger per month of the time zone given
 * (UTC unless told), for one month ("2025-03"), a range of months, or every
 * month. Categories come in the same order in every month, so a chart's
 * colours and a table's rows keep their places from month to month.
 */
export function spendingByCategory(state: SpendingState, offsetAt: UtcOffsetAt = UTC, range?: MonthRange | string): SpendingReport {
  const months = checkedRange(range);
  const count = state.categories.length;
  const sums = new Map<string, number[]>();
  const add = (month: string, i: number, amount: number) => {
    let row = sums.get(month);
    if (!row) sums.set(month, (row = new Array<number>(count).fill(0)));
    row[i]! += amount;
  };
  for (const [key, month] of Object.entries(state.months)) {
    const year = Number(key.slice(0, 4));
    const month0 = Number(key.slice(5, 7)) - 1;
    const [before, after] = [monthKey(year, month0 - 1), monthKey(year, month0 + 1)];
    // A withdrawal can only land in the month before or after its UTC month.
    if (months && (after < months.from || before > months.to)) continue;
    const start = Date.UTC(year, month0, 1);
    const end = Date.UTC(year, month0 + 1, 1);
    for (const [i, cell] of Object.entries(month)) {
      let rest = cell.total;
      for (const [q, amount] of Object.entries(cell.edges)) {
        rest -= amount;
        const ms = start + Number(q) * QUARTER_MS;
        const local = ms + offsetAt(ms) * MINUTE_MS;
        add(local < start ? before : local >= end ? after : key, Number(i), amount);
      }
      add(key, Number(i), rest);
    }
  }
  const keys = [...sums.keys()].filter((m) => !months || (m >= months.from && m <= months.to)).sort();
  const totals = new Array<number>(count).fill(0);
  for (const m of keys) sums.get(m)!.forEach((amount, i) => (totals[i]! += amount));
  const order = totals
    .map((amount, i) => ({ i, amount }))
    .filter(({ amount }) => amount > 0)
    .sort((a, b) => b.amount - a.amount || (state.categories[a.i]! < state.categories[b.i]! ? -1 : 1));
  const rows: MonthSpending[] = [];
  for (const month of keys) {
    const row = sums.get(month)!;
    const total = order.reduce((sum, { i }) => sum + row[i]!, 0);
    if (total <= 0) continue;
    const categories = order.filter(({ i }) => row[i]! > 0).map(({ i }) => ({ category: state.categories[i]!, amount: row[i]!, share: row[i]! / total }));
    rows.push({ month, total, categories });
  }
  return {
    months: rows,
    categories: order.map(({ i, amount }) => ({ category: state.categories[i]!, amount })),
    total: order.reduce((sum, { amount }) => sum + amount, 0),
  };
}
