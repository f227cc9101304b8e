import { Money } from '../components/Money.tsx';
import type { BalanceChartData } from './chartData.ts';
import { formatPeriod } from './periods.ts';

/** The chart's figures at each month's close, for those who would rather read (and for screen readers). */
export function ChartTable({ data }: { data: BalanceChartData }) {
  const monthEnds: number[] = [];
  data.days.forEach((day, i) => {
    const next = data.days[i + 1];
    if (!next || next.slice(0, 7) !== day.slice(0, 7)) monthEnds.push(i);
  });
  const lines = [data.total, ...data.accounts];
  return (
    <details className="chart-table">
      <summary>Show the figures (balance at each month’s close)</summary>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {lines.map((line, l) => (
                <th key={l} scope="col" className="numeric">
                  {line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthEnds.map((i) => (
              <tr key={data.days[i]}>
                <th scope="row">{formatPeriod(data.days[i]!.slice(0, 7), 'month')}</th>
                {lines.map((line, l) => {
                  const value = line.values[i];
                  return (
                    <td key={l} className="numeric">
                      {value === null || value === undefined ? '–' : <Money cents={value} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
