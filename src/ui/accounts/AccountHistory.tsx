import { useId, useState } from 'react';
import { accountHistory, getAccount, type AccountsState, type HistoryEntry } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { formatDateTime } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { useView } from '../ledger/useView.ts';
import { HISTORY_LABELS } from './historyLabel.ts';

const PAGE = 20;

/** The account's history, newest first, with the balance after each line; older lines on "Show more". */
export function AccountHistory({ accountNumber }: { accountNumber: string }) {
  const [limit, setLimit] = useState(PAGE);
  const page = useView((s) => accountHistory(s.accountHistory, accountNumber, { limit }));
  const accounts = useView((s) => s.accounts);
  const titleId = useId();
  return (
    <section className="card account-history" aria-labelledby={titleId}>
      <h2 id={titleId}>History</h2>
      <ol className="history-list">
        {page.entries.map((entry) => (
          <HistoryLine key={entry.seq} entry={entry} accounts={accounts} />
        ))}
      </ol>
      <p className="history-count">
        Showing {page.entries.length} of {page.total} {page.total === 1 ? 'entry' : 'entries'}
      </p>
      {page.entries.length < page.total && (
        <button type="button" className="button show-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show more
        </button>
      )}
    </section>
  );
}

function HistoryLine({ entry, accounts }: { entry: HistoryEntry; accounts: AccountsState }) {
  const other = entry.counterparty;
  return (
    <li className="history-line">
      <div className="history-what">
        <span className="history-kind">
          {HISTORY_LABELS[entry.kind]}
          {other && (
            <>
              {' '}
              <a href={`#/accounts/${encodeURIComponent(other)}`}>{getAccount(accounts, other)?.owner ?? formatAccountNumber(other)}</a>
            </>
          )}
        </span>
        {entry.note && <span className="history-note">{entry.note}</span>}
        <time className="history-time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </time>
      </div>
      <div className="history-amounts">
        {entry.change !== 0 && <Money cents={entry.change} showSign />}
        <span className="history-balance">
          Balance <Money cents={entry.balance} />
        </span>
      </div>
    </li>
  );
}
