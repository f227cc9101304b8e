import { useId, useMemo, useState } from 'react';
import { spendingByCategory } from '../../domain/readModels/spendingByCategory.ts';
import { Money } from '../components/Money.tsx';
import { useView } from '../ledger/useView.ts';
import { deviceOffsetAt } from './localTime.ts';
import { formatPeriod } from './periods.ts';
import { SpendingChart } from './SpendingChart.tsx';
import { categoryColour } from './spendingColours.ts';

const share = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** The event log showing one category's movements (#/log?category=…). */
const logOfCategory = (category: string) => `#/log?${new URLSearchParams({ category }).toString()}`;

/** What each category took out of the ledger in a month the person picks (the latest unless they pick another), as bars and as a table. */
export function SpendingReport() {
  const spending = useView((s) => s.spending);
  const report = useMemo(() => spendingByCategory(spending, deviceOffsetAt), [spending]);
  const [picked, setPicked] = useState<string>();
  const titleId = useId();
  const monthId = useId();
  const month = report.months.find((m) => m.month === picked) ?? report.months.at(-1);
  const order = useMemo(() => report.categories.map((c) => c.category), [report]);
  const newestFirst = useMemo(() => report.months.map((m) => m.month).reverse(), [report]);
  return (
    <section className="card report spending-report" aria-labelledby={titleId}>
      <div className="report-head">
        <h2 id={titleId}>Spending by category</h2>
        {month && (
          <div className="inline-field">
            <label htmlFor={monthId}>Month</label>
            <select id={monthId} className="input input-small" value={month.month} onChange={(e) => setPicked(e.target.value)}>
              {newestFirst.map((m) => (
                <option key={m} value={m}>
                  {formatPeriod(m, 'month')}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {!month ? (
        <p className="empty-note">No money has been withdrawn yet.</p>
      ) : (
        <>
          <p className="report-lead">
            Withdrawals by category, by the day they happened in this device’s time zone. Each category opens its movements in the event log.
          </p>
          <div className="columns columns-even spending-body">
            <SpendingChart month={month} order={order} />
            <table className="data-table spending-table">
              <caption>Spending in {formatPeriod(month.month, 'month')}</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col" className="numeric">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {month.categories.map((row) => (
                  <tr key={row.category}>
                    <th scope="row">
                      <span className="spending-category">
                        <span className="spending-swatch" style={{ background: categoryColour(row.category, order) }} aria-hidden="true" />
                        <a href={logOfCategory(row.category)}>{row.category}</a>
                      </span>
                    </th>
                    <td className="numeric">
                      <Money cents={row.amount} />
                    </td>
                    <td className="numeric">{share.format(row.share)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="numeric">
                    <Money cents={month.total} />
                  </td>
                  <td className="numeric">{share.format(1)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
