import { useId, useMemo, useState } from 'react';
import { moneyMovedBy, type Granularity } from '../../domain/index.ts';
import { Money } from '../components/Money.tsx';
import { useView } from '../ledger/useView.ts';
import { deviceOffsetAt } from './localTime.ts';
import { formatPeriod } from './periods.ts';

const GRANULARITIES: { value: Granularity; label: string; page: number }[] = [
  { value: 'year', label: 'Year', page: 10 },
  { value: 'month', label: 'Month', page: 12 },
  { value: 'day', label: 'Day', page: 31 },
];

/** Transfers and withdrawals per year, month or day, newest first. */
export function MoneyMovedTable() {
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [pages, setPages] = useState(1);
  const reports = useView((s) => s.reports);
  const rows = useMemo(() => moneyMovedBy(reports, granularity, deviceOffsetAt), [reports, granularity]);
  const total = useView((s) => s.reports.moneyMoved.total);
  const titleId = useId();
  const page = GRANULARITIES.find((g) => g.value === granularity)!.page;
  const shown = rows.slice().reverse().slice(0, page * pages);
  const choose = (value: Granularity) => {
    setGranularity(value);
    setPages(1);
  };
  return (
    <section className="card report" aria-labelledby={titleId}>
      <div className="report-head">
        <h2 id={titleId}>Money moved</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Group by</legend>
          {GRANULARITIES.map((g) => (
            <label key={g.value}>
              <input type="radio" name="granularity" value={g.value} checked={granularity === g.value} onChange={() => choose(g.value)} />
              <span>{g.label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="report-lead">Transfers between accounts and withdrawals, by the day they happened (in this device’s time zone, as everywhere in Rewind).</p>
      {rows.length === 0 ? (
        <p className="empty-note">No money has moved yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Money moved by {granularity}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">{GRANULARITIES.find((g) => g.value === granularity)!.label}</th>
              <th scope="col" className="numeric">
                Money moved
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.period}>
                <th scope="row">{formatPeriod(row.period, granularity)}</th>
                <td className="numeric">
                  <Money cents={row.amount} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All time</th>
              <td className="numeric">
                <Money cents={total} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {rows.length > shown.length && (
        <button type="button" className="button show-more" onClick={() => setPages((n) => n + 1)}>
          Show more ({rows.length - shown.length} older)
        </button>
      )}
    </section>
  );
}
