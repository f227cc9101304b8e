import { accountNumberOfStream, getAccount } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { useView } from '../ledger/useView.ts';

/** Whose events a row's stream holds: the owner and grouped number of an account; any other stream by its name. */
export function StreamLabel({ stream }: { stream: string }) {
  const number = accountNumberOfStream(stream);
  const owner = useView((s) => (number === undefined ? undefined : getAccount(s.accounts, number)?.owner));
  if (number === undefined) return <span className="log-stream">{stream.startsWith('email-') ? 'E-mail address' : stream}</span>;
  return (
    <span className="log-stream">
      {owner ? `${owner} · ` : 'Account '}
      <span className="account-number">{formatAccountNumber(number)}</span>
    </span>
  );
}
