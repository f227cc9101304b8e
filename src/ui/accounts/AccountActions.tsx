import type { AccountSummary } from '../../domain/index.ts';
import { AddFundsForm } from './AddFundsForm.tsx';
import { CloseAccountForm } from './CloseAccountForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { VerifyForm } from './VerifyForm.tsx';
import { WithdrawForm } from './WithdrawForm.tsx';

/** The commands an open account takes; a closed one takes none. */
export function AccountActions({ account }: { account: AccountSummary }) {
  if (account.status === 'closed') {
    return (
      <div className="account-actions">
        <p className="card account-closed-note">This account is closed: it takes no more changes. Its history stays.</p>
      </div>
    );
  }
  const number = account.accountNumber;
  return (
    <div className="account-actions">
      <VerifyForm account={account} />
      <AddFundsForm accountNumber={number} />
      <WithdrawForm account={account} />
      <TransferForm account={account} />
      <CloseAccountForm account={account} />
    </div>
  );
}
