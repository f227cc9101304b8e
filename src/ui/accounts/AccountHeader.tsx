import type { AccountSummary } from '../../domain/index.ts';
import { AccountNumber } from '../components/AccountNumber.tsx';
import { Badge } from '../components/Badge.tsx';
import { formatDate } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { AccountStatus } from './AccountStatus.tsx';

/** Owner, number, balance and status at the top of an account's page. */
export function AccountHeader({ account }: { account: AccountSummary }) {
  const { mode } = useViewInfo();
  return (
    <section className="card account-header" aria-label="Account summary">
      <div className="account-header-who">
        <p className="account-breadcrumb">
          <a href="#/accounts">Accounts</a>
        </p>
        <h1>{account.owner}</h1>
        <p className="account-header-meta">
          <AccountNumber number={account.accountNumber} /> · {account.email}
        </p>
        <p className="account-header-badges">
          <AccountStatus account={account} />
          {mode === 'branch' && <Badge tone="hypothetical">Hypothetical</Badge>}
          <span className="account-opened">Opened {formatDate(account.openedAt)}</span>
        </p>
      </div>
      <div className="account-balance">
        <span className="account-balance-label">Balance</span>
        <span className="account-balance-value">
          <Money cents={account.balance} />
        </span>
      </div>
    </section>
  );
}
