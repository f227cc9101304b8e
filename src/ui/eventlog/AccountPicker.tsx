import { useId, useMemo } from 'react';
import { accountNumberOfStream, accountStream, listAccounts } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { useView } from '../ledger/useView.ts';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Picks one account, by owner and grouped number, whose events the log then shows; its value is the account's stream. */
export function AccountPicker({ stream, onChange }: { stream: string; onChange(stream: string): void }) {
  const id = useId();
  const state = useView((s) => s.accounts);
  const options = useMemo(
    () =>
      listAccounts(state)
        .sort((a, b) => byName.compare(a.owner, b.owner) || a.accountNumber.localeCompare(b.accountNumber))
        .map((a) => ({
          stream: accountStream(a.accountNumber),
          label: `${a.owner} · ${formatAccountNumber(a.accountNumber)}${a.status === 'closed' ? ' (closed)' : ''}`,
        })),
    [state],
  );
  const unknown = stream !== '' && !options.some((o) => o.stream === stream);
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select id={id} value={stream} onChange={(e) => onChange(e.target.value)}>
        <option value="">All accounts</option>
        {/* An account this view does not have (opened later than the point in view) stays chosen, by its stream's name. */}
        {unknown && <option value={stream}>Account {formatAccountNumber(accountNumberOfStream(stream) ?? stream)}</option>}
        {options.map((o) => (
          <option key={o.stream} value={o.stream}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
