import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatMoney } from '../components/money.ts';
import { axisMoneyFormat } from './axisMoney.ts';
import type { BalanceChartData } from './chartData.ts';
import { chartColours } from './chartColors.ts';
import { dayToSeconds } from './periods.ts';

const axisMoney = axisMoneyFormat();
const dayLabel = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function useColourScheme(): string {
  const [scheme, setScheme] = useState(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setScheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return scheme;
}

function options(data: BalanceChartData, width: number, element: Element): uPlot.Options {
  const colours = chartColours(element);
  const money = (_u: uPlot, value: number | null) => (value === null ? '–' : formatMoney(Math.round(value * 100)));
  const axis = { stroke: colours.text, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  return {
    width,
    height: width < 480 ? 220 : 300,
    // Days are local calendar days placed at UTC midnights: labelled in UTC, each reads as its own date.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true } },
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    // Away from the cursor the legend shows the latest values instead of blanks.
    hooks: {
      setCursor: [(u) => u.cursor.idx == null && u.setLegend({ idx: u.data[0].length - 1 })],
      ready: [(u) => u.setLegend({ idx: u.data[0].length - 1 })],
    },
    axes: [
      { ...axis },
      { ...axis, size: 72, values: (_u, ticks) => ticks.map(axisMoney) },
    ],
    series: [
      { label: 'Day', value: (_u, seconds) => (seconds === null ? '–' : dayLabel.format(new Date(seconds * 1000))) },
      { label: data.total.label, stroke: colours.total, width: 2.5, value: money },
      ...data.accounts.map((line, i) => ({
        label: line.label,
        stroke: colours.accounts[i % colours.accounts.length],
        width: 1.5,
        value: money,
      })),
    ],
  };
}

/**
 * Money in the system and the largest accounts' balances over time, drawn by uPlot on a canvas. The canvas
 * is hidden from screen readers: the summary and the table of figures beside it carry the same facts.
 */
export function BalanceChart({ data }: { data: BalanceChartData }) {
  const ref = useRef<HTMLDivElement>(null);
  const scheme = useColourScheme();
  useEffect(() => {
    const element = ref.current;
    if (!element || data.days.length === 0) return;
    const toUnits = (values: (number | null)[]) => values.map((v) => (v === null ? null : v / 100));
    const aligned: uPlot.AlignedData = [
      data.days.map(dayToSeconds),
      toUnits(data.total.values),
      ...data.accounts.map((line) => toUnits(line.values)),
    ];
    const plot = new uPlot(options(data, element.clientWidth, element), aligned, element);
    const resize = new ResizeObserver(() => {
      const width = element.clientWidth;
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: width < 480 ? 220 : 300 });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, scheme]);
  return <div ref={ref} className="balance-chart" aria-hidden="true" />;
}
