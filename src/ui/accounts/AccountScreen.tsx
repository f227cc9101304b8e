import { getAccount } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { useView, useViewInfo } from '../ledger/useView.ts';
import { AccountActions } from './AccountActions.tsx';
import { AccountHeader } from './AccountHeader.tsx';
import { AccountHistory } from './AccountHistory.tsx';
import './accounts.css';

/** One account: who holds it, its balance and status, what can be done with it, and its history. */
export function AccountScreen({ number: raw }: { number: string }) {
  const number = decodeURIComponent(raw).replace(/[\s-]/g, '');
  const account = useView((s) => getAccount(s.accounts, number));
  const { mode } = useViewInfo();
  if (!account) {
    return (
      <div className="screen">
        <h1>Account {formatAccountNumber(number)}</h1>
        <p>
          {mode === 'past'
            ? 'This account did not exist yet at the point in time you are viewing.'
            : mode === 'branch'
              ? 'This account does not exist in the what-if branch.'
              : 'There is no account with this number.'}
        </p>
        <p>
          <a href="#/accounts">All accounts</a>
        </p>
      </div>
    );
  }
  return (
    <div className="screen account-screen">
      <AccountHeader account={account} />
      <div className="columns columns-lead">
        <AccountActions account={account} />
        <AccountHistory account={account} />
      </div>
    </div>
  );
}
