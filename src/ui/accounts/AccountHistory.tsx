import { useId } from 'react';
import { getAccount, type AccountsState, type AccountSummary, type HistoryEntry } from '../../domain/index.ts';
import { HYPOTHETICAL_ID_PREFIX } from '../../app/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { Badge } from '../components/Badge.tsx';
import { formatDateTime } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { useView, useViewInfo } from '../ledger/useView.ts';
import { CategoryFilter } from './CategoryFilter.tsx';
import { lineCategory } from './categoryChoices.ts';
import { HISTORY_LABELS, historyCountText } from './historyLabel.ts';
import { SkippedLines, useBranchSkips, type BranchSkips } from './SkippedLines.tsx';
import { useAccountHistory } from './useAccountHistory.ts';

/**
 * The account's history, newest first, with the balance after each line and each movement's category;
 * older lines on "Show more"; narrowed to one category by the filter. Lines just recorded from this screen
 * are highlighted; in a what-if branch each real line can be skipped.
 */
export function AccountHistory({
  account,
  highlight,
  category,
  categories,
  onCategory,
}: {
  account: AccountSummary;
  highlight: ReadonlySet<string>;
  /** The category the lines are narrowed to; every line when undefined. */
  category: string | undefined;
  /** The categories the account's movements use: the filter's choices. */
  categories: readonly string[];
  onCategory(category: string | undefined): void;
}) {
  const history = useAccountHistory(account, category);
  const accounts = useView((s) => s.accounts);
  const { mode } = useViewInfo();
  const skips = useBranchSkips();
  const titleId = useId();
  const count = history.entries.length;
  return (
    <section className="card account-history" aria-labelledby={titleId}>
      <div className="history-head">
        <h2 id={titleId}>History</h2>
        <CategoryFilter value={category} categories={categories} onChange={onCategory} />
      </div>
      <ol className="history-list">
        {history.entries.map((entry) => (
          <HistoryLine
            key={entry.id}
            entry={entry}
            accounts={accounts}
            isNew={highlight.has(entry.id)}
            skips={mode === 'branch' && !entry.id.startsWith(HYPOTHETICAL_ID_PREFIX) ? skips : undefined}
          />
        ))}
      </ol>
      {history.error ? (
        <p className="history-count" role="alert">
          The history could not be read: {history.error}
        </p>
      ) : (
        <p className="history-count" role="status">
          {historyCountText({ count, loading: history.loading, more: history.more, category })}
        </p>
      )}
      {history.more && (
        <button type="button" className="button show-more" onClick={history.showMore}>
          Show more
        </button>
      )}
      {mode === 'branch' && <SkippedLines skips={skips} />}
    </section>
  );
}

function HistoryLine({
  entry,
  accounts,
  isNew,
  skips,
}: {
  entry: HistoryEntry;
  accounts: AccountsState;
  isNew: boolean;
  skips?: BranchSkips;
}) {
  const other = entry.counterparty;
  const kind = HISTORY_LABELS[entry.kind];
  const category = lineCategory(entry);
  return (
    <li className={isNew ? 'history-line history-line-new' : 'history-line'}>
      <div className="history-what">
        <span className="history-kind">
          {kind}
          {other && (
            <>
              {' '}
              <a href={`#/accounts/${encodeURIComponent(other)}`}>{getAccount(accounts, other)?.owner ?? formatAccountNumber(other)}</a>
            </>
          )}
        </span>
        {category !== undefined && (
          <span className="badge badge-neutral history-category">
            <span className="visually-hidden">Category: </span>
            {category}
          </span>
        )}
        {entry.id.startsWith(HYPOTHETICAL_ID_PREFIX) && <Badge tone="hypothetical">Hypothetical</Badge>}
        {entry.note && <span className="history-note">{entry.note}</span>}
        <time className="history-time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </time>
        {skips && (
          <button type="button" className="button button-small history-skip" disabled={skips.busy} onClick={() => skips.skip(entry)}>
            Skip in this branch
          </button>
        )}
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
