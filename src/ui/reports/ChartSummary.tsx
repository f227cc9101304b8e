import { formatMoney } from '../components/money.ts';
import type { BalanceChartData } from './chartData.ts';
import { formatPeriod } from './periods.ts';

/** The chart's story in one or two sentences: where money in the system started, ended, peaked and bottomed. */
export function chartSummary(data: BalanceChartData): string {
  const points = data.days
    .map((day, i) => ({ day, value: data.total.values[i] }))
    .filter((p): p is { day: string; value: number } => p.value !== null && p.value !== undefined);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No money has been deposited yet, so there is nothing to chart.';
  const high = points.reduce((a, b) => (b.value > a.value ? b : a));
  const low = points.reduce((a, b) => (b.value < a.value ? b : a));
  const day = (d: string) => formatPeriod(d, 'day');
  let text =
    `Money in the system went from ${formatMoney(first.value)} on ${day(first.day)} to ${formatMoney(last.value)} ` +
    `on ${day(last.day)}; highest ${formatMoney(high.value)} on ${day(high.day)}, lowest ${formatMoney(low.value)} on ${day(low.day)}.`;
  const largest = data.accounts[0];
  const largestNow = largest?.values[largest.values.length - 1];
  if (largest && largestNow !== null && largestNow !== undefined)
    text += ` The largest account now is ${largest.label} with ${formatMoney(largestNow)}.`;
  return text;
}

export function ChartSummary({ data }: { data: BalanceChartData }) {
  return <p className="chart-summary">{chartSummary(data)}</p>;
}
