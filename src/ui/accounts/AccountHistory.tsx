import { useId } from 'react';
import { getAccount, type AccountsState, type AccountSummary, type HistoryEntry } from '../../domain/index.ts';
import { HYPOTHETICAL_ID_PREFIX } from '../../app/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { Badge } from '../components/Badge.tsx';
import { formatDateTime } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { useView } from '../ledger/useView.ts';
import { HISTORY_LABELS } from './historyLabel.ts';
import { useAccountHistory } from './useAccountHistory.ts';

/** The account's history, newest first, with the balance after each line; older lines on "Show more". */
export function AccountHistory({ account }: { account: AccountSummary }) {
  const history = useAccountHistory(account);
  const accounts = useView((s) => s.accounts);
  const titleId = useId();
  const count = history.entries.length;
  return (
    <section className="card account-history" aria-labelledby={titleId}>
      <h2 id={titleId}>History</h2>
      <ol className="history-list">
        {history.entries.map((entry) => (
          <HistoryLine key={entry.id} entry={entry} accounts={accounts} />
        ))}
      </ol>
      {history.error ? (
        <p className="history-count" role="alert">
          The history could not be read: {history.error}
        </p>
      ) : (
        <p className="history-count" role="status">
          {history.loading
            ? 'Reading the history…'
            : history.more
              ? `Showing the newest ${count} entries`
              : `${count} ${count === 1 ? 'entry' : 'entries'} in all`}
        </p>
      )}
      {history.more && (
        <button type="button" className="button show-more" onClick={history.showMore}>
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
        {entry.id.startsWith(HYPOTHETICAL_ID_PREFIX) && <Badge tone="hypothetical">Hypothetical</Badge>}
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
