import { useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { AccountNumber } from '../components/AccountNumber.tsx';
import { formatRelative } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { viewedTime } from '../components/viewedTime.ts';
import type { ViewInfo } from '../ledger/useView.ts';
import { AccountStatus } from './AccountStatus.tsx';

const PAGE = 50;

/** The accounts as rows linking to each account's page; long lists grow by "Show more". */
export function AccountList({ accounts, query, view }: { accounts: AccountSummary[]; query: string; view: ViewInfo }) {
  const [shown, setShown] = useState(PAGE);
  const at = viewedTime(view);
  if (accounts.length === 0) {
    return (
      <p className="empty-note">
        {query.trim() ? `No account matches “${query.trim()}”.` : 'No accounts yet: open the first one with the form.'}
      </p>
    );
  }
  return (
    <>
      <ul className="account-list">
        {accounts.slice(0, shown).map((account) => (
          <li key={account.accountNumber}>
            <a className={`account-row${account.status === 'closed' ? ' account-row-closed' : ''}`} href={`#/accounts/${account.accountNumber}`}>
              <span className="account-row-main">
                <span className="account-owner">{account.owner}</span>
                <AccountNumber number={account.accountNumber} />
              </span>
              <span className="account-row-status">
                <AccountStatus account={account} />
                <span className="account-activity">Last activity {formatRelative(account.lastActivityAt, at)}</span>
              </span>
              <span className="account-row-side">
                <Money cents={account.balance} />
              </span>
            </a>
          </li>
        ))}
      </ul>
      {accounts.length > shown && (
        <button type="button" className="button show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({accounts.length - shown} left)
        </button>
      )}
    </>
  );
}
