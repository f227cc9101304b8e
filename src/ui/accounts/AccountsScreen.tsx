import { useId, useState } from 'react';
import { searchAccounts } from '../../domain/index.ts';
import { useView, useViewInfo } from '../ledger/useView.ts';
import { AccountList } from './AccountList.tsx';
import { FirstRun } from './FirstRun.tsx';
import { LedgerTotals } from './LedgerTotals.tsx';
import { OpenAccountForm } from './OpenAccountForm.tsx';
import './accounts.css';

/** Every account with its balance, a search, the ledger's totals and the "Open account" form. */
export function AccountsScreen() {
  const [query, setQuery] = useState('');
  const accounts = useView((s) => searchAccounts(s.accounts, query));
  const view = useViewInfo();
  const searchId = useId();
  const listTitleId = useId();
  return (
    <div className="screen accounts-screen">
      <div className="screen-head">
        <h1>Accounts</h1>
      </div>
      <FirstRun />
      <LedgerTotals />
      <div className="columns columns-aside">
        <section className="card accounts-list-card" aria-labelledby={listTitleId}>
          <div className="accounts-list-head">
            <h2 id={listTitleId}>All accounts</h2>
            <div className="accounts-search">
              <label htmlFor={searchId} className="visually-hidden">
                Search accounts
              </label>
              <input
                id={searchId}
                className="input"
                type="search"
                placeholder="Search by name, e-mail or number"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          </div>
          <AccountList accounts={accounts} query={query} view={view} />
        </section>
        <OpenAccountForm />
      </div>
    </div>
  );
}
