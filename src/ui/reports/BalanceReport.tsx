import { useId, useMemo } from 'react';
import { useView } from '../ledger/useView.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { balanceChartData } from './chartData.ts';
import { ChartSummary } from './ChartSummary.tsx';
import { ChartTable } from './ChartTable.tsx';

/** The chart of money over time with its summary in words and its figures. */
export function BalanceReport() {
  const reports = useView((s) => s.reports);
  const accounts = useView((s) => s.accounts);
  const history = useView((s) => s.accountHistory);
  const data = useMemo(() => balanceChartData(reports, accounts, history), [reports, accounts, history]);
  const titleId = useId();
  return (
    <section className="card report" aria-labelledby={titleId}>
      <h2 id={titleId}>Balances over time</h2>
      <figure className="chart-figure">
        {data.days.length > 0 && <BalanceChart data={data} />}
        <figcaption>
          <ChartSummary data={data} />
          {data.hidden > 0 && (
            <p className="report-lead">
              The chart shows the {data.accounts.length} open accounts holding the most;{' '}
              {data.hidden === 1 ? 'one more is' : `${data.hidden} more are`} left out.
            </p>
          )}
        </figcaption>
      </figure>
      {data.days.length > 0 && <ChartTable data={data} />}
    </section>
  );
}
