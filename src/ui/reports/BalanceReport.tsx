import { useId, useMemo } from 'react';
import { useView } from '../ledger/useView.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { balanceChartData, chartedAccounts } from './chartData.ts';
import { ChartSummary } from './ChartSummary.tsx';
import { ChartTable } from './ChartTable.tsx';
import { deviceOffsetAt } from './localTime.ts';
import { useChartHistories } from './useChartHistories.ts';
import { formatCount } from '../components/formatCount.ts';

/** The chart of money over time with its summary in words and its figures. */
export function BalanceReport() {
  const reports = useView((s) => s.reports);
  const accounts = useView((s) => s.accounts);
  const charted = useMemo(() => chartedAccounts(accounts), [accounts]);
  const { data: read, error } = useChartHistories(charted.shown);
  // The account lines come from the accounts' streams; the chart waits for them rather than drawing twice.
  const data = useMemo(
    () => read && balanceChartData(reports, { shown: read.shown, hidden: charted.hidden }, read.histories, deviceOffsetAt),
    [reports, read, charted.hidden],
  );
  const titleId = useId();
  return (
    <section className="card report" aria-labelledby={titleId} aria-busy={!data && !error}>
      <h2 id={titleId}>Balances over time</h2>
      {error && (
        <p className="report-lead" role="alert">
          The account balances could not be read: {error}
        </p>
      )}
      {!data && !error && (
        <p className="report-lead" role="status">
          Reading the account balances…
        </p>
      )}
      {data && (
        <>
          <figure className="chart-figure">
            {data.days.length > 0 && <BalanceChart data={data} />}
            <figcaption>
              <ChartSummary data={data} />
              {data.hidden > 0 && (
                <p className="report-lead">
                  The chart shows the {formatCount(data.accounts.length)} open accounts holding the most;{' '}
                  {data.hidden === 1 ? 'one more is' : `${formatCount(data.hidden)} more are`} left out.
                </p>
              )}
            </figcaption>
          </figure>
          {data.days.length > 0 && <ChartTable data={data} />}
        </>
      )}
    </section>
  );
}
