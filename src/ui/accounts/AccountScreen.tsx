import { useCallback, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { getAccount } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { Toast, type ToastMessage } from '../components/Toast.tsx';
import { useView, useViewInfo } from '../ledger/useView.ts';
import type { TellSuccess } from './accountFeedback.ts';
import { AccountActions } from './AccountActions.tsx';
import { AccountHeader } from './AccountHeader.tsx';
import { AccountHistory } from './AccountHistory.tsx';
import { accountAddress, categoryFilterOf } from './categoryChoices.ts';
import { DangerZone } from './DangerZone.tsx';
import { NEWER_VERSION_ACTIONS, newerVersionNote } from './newerVersion.ts';
import { useAccountCategories } from './useAccountCategories.ts';
import { VerifyForm } from './VerifyForm.tsx';
import './accounts.css';
import './accountScreen.css';

const NOTHING_NEW: ReadonlySet<string> = new Set();

/**
 * One account: who holds it, its balance and status, what can be done with it, and its history. What a
 * command did is told in a passing toast and by highlighting its lines in the history. An account a newer
 * Rewind changed is shown, and says so, but offers nothing to do: this version would be refused.
 */
export function AccountScreen({ number: raw }: { number: string }) {
  const number = decodeURIComponent(raw).replace(/[\s-]/g, '');
  // Another account is a fresh page: no action chosen, no toast or highlight carried over.
  return <AccountPage key={number} number={number} />;
}

function AccountPage({ number }: { number: string }) {
  const account = useView((s) => getAccount(s.accounts, number));
  const { mode } = useViewInfo();
  const category = categoryFilterOf(useSearch());
  // Set on the hash itself, a step Back undoes: the router's navigate would put the query outside the hash.
  const showCategory = useCallback(
    (next: string | undefined) => {
      window.location.hash = accountAddress(number, next);
    },
    [number],
  );
  const categories = useAccountCategories(account);
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
  const newer = account.newerEvents > 0;
  const changeable = open && !newer;
  return (
    <div className="screen account-screen">
      <AccountHeader account={account} />
      {newer && <p className="card account-newer-note">{newerVersionNote(account.newerEvents)}</p>}
      {changeable && !account.verified && <VerifyForm account={account} onSuccess={tell} />}
      <div className="columns columns-lead account-columns">
        {changeable ? (
          <AccountActions account={account} categories={categories} onSuccess={tell} />
        ) : open ? (
          <p className="card account-closed-note">{NEWER_VERSION_ACTIONS}</p>
        ) : (
          <p className="card account-closed-note">This account is closed: it takes no more changes. Its history stays.</p>
        )}
        <AccountHistory account={account} highlight={highlight} category={category} categories={categories} onCategory={showCategory} />
      </div>
      {changeable && <DangerZone account={account} onSuccess={tell} />}
      <Toast message={toast} onDismiss={dismiss} />
    </div>
  );
}
