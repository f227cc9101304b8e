import { formatAccountNumber } from './accountNumber.ts';
import './components.css';

/** An account number in groups of four, in a monospaced face that keeps the groups aligned. */
export function AccountNumber({ number }: { number: string }) {
  return <span className="account-number">{formatAccountNumber(number)}</span>;
}
