import { useCallback, useRef, useState } from 'react';
import { getAccount } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { Toast, type ToastMessage } from '../components/Toast.tsx';
import { useView, useViewInfo } from '../ledger/useView.ts';
import type { TellSuccess } from './accountFeedback.ts';
import { AccountActions } from './AccountActions.tsx';
import { AccountHeader } from './AccountHeader.tsx';
import { AccountHistory } from './AccountHistory.tsx';
import { DangerZone } from './DangerZone.tsx';
import { VerifyForm } from './VerifyForm.tsx';
import './accounts.css';
import './accountScreen.css';

const NOTHING_NEW: ReadonlySet<string> = new Set();

/**
 * One account: who holds it, its balance and status, what can be done with it, and its history. What a
 * command did is told in a passing toast and by highlighting its lines in the history.
 */
export function AccountScreen({ number: raw }: { number: string }) {
  const number = decodeURIComponent(raw).replace(/[\s-]/g, '');
  // Another account is a fresh page: no action chosen, no toast or highlight carried over.
  return <AccountPage key={number} number={number} />;
}

function AccountPage({ number }: { number: string }) {
  const account = useView((s) => getAccount(s.accounts, number));
  const { mode } = useViewInfo();
  const [toast, setToast] = useState<ToastMessage>();
  const [highlight, setHighlight] = useState(NOTHING_NEW);
  const said = useRef(0);
  const tell = useCallback<TellSuccess>((text, result) => {
    setToast({ key: ++said.current, text });
    setHighlight(new Set(result.events.map((event) => event.meta.id)));
  }, []);
  const dismiss = useCallback(() => setToast(undefined), []);

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
  const open = account.status !== 'closed';
  return (
    <div className="screen account-screen">
      <AccountHeader account={account} />
      {open && !account.verified && <VerifyForm account={account} onSuccess={tell} />}
      <div className="columns columns-lead account-columns">
        {open ? (
          <AccountActions account={account} onSuccess={tell} />
        ) : (
          <p className="card account-closed-note">This account is closed: it takes no more changes. Its history stays.</p>
        )}
        <AccountHistory account={account} highlight={highlight} />
      </div>
      {open && <DangerZone account={account} onSuccess={tell} />}
      <Toast message={toast} onDismiss={dismiss} />
    </div>
  );
}
