import { useId, useState } from 'react';
import { inactiveAccounts } from '../../domain/index.ts';
import { AccountNumber } from '../components/AccountNumber.tsx';
import { formatDate } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { viewedTime } from '../components/viewedTime.ts';
import { useView, useViewInfo } from '../ledger/useView.ts';

const WINDOWS = [30, 60, 90];

/** Open accounts with no activity for a while, as of the moment viewed (during time travel, that moment). */
export function InactiveAccounts() {
  const [days, setDays] = useState(30);
  const view = useViewInfo();
  const at = viewedTime(view);
  const accounts = useView((s) => inactiveAccounts(s.accounts, at, days));
  const titleId = useId();
  const selectId = useId();
  return (
    <section className="card report" aria-labelledby={titleId}>
      <div className="report-head">
        <h2 id={titleId}>Inactive accounts</h2>
        <div className="inline-field">
          <label htmlFor={selectId}>Quiet for</label>
          <select id={selectId} className="input input-small" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((n) => (
              <option key={n} value={n}>
                {n} days
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="report-lead">
        Open accounts with no money movement or status change in the {days} days before {formatDate(at)}.
      </p>
      {accounts.length === 0 ? (
        <p className="empty-note">Every open account has been active.</p>
      ) : (
        <ul className="inactive-list">
          {accounts.map((a) => (
            <li key={a.accountNumber}>
              <a href={`#/accounts/${a.accountNumber}`}>{a.owner}</a> <AccountNumber number={a.accountNumber} />
              <span className="inactive-detail">
                <Money cents={a.balance} /> · last activity {formatDate(a.lastActivityAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
