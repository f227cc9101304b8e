import type { AccountSummary } from '../../domain/index.ts';
import { useCommand } from '../components/useCommand.ts';
import { AddFundsForm } from './AddFundsForm.tsx';
import { CloseAccountForm } from './CloseAccountForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { VerifyForm } from './VerifyForm.tsx';
import { WithdrawForm } from './WithdrawForm.tsx';

/** The commands an open account takes; a closed one takes none. */
export function AccountActions({ account }: { account: AccountSummary }) {
  const close = useCommand();
  const closed = account.status === 'closed';
  return (
    <div className="account-actions">
      {/* Mounted while the forms show, so closing the account here is announced when they go. */}
      <p className="form-success" role="status">
        {closed ? close.success : undefined}
      </p>
      {closed ? (
        <p className="card account-closed-note">This account is closed: it takes no more changes. Its history stays.</p>
      ) : (
        <>
          <VerifyForm account={account} />
          <AddFundsForm accountNumber={account.accountNumber} />
          <WithdrawForm account={account} />
          <TransferForm account={account} />
          <CloseAccountForm account={account} command={close} />
        </>
      )}
    </div>
  );
}
