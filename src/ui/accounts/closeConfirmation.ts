import type { AccountSummary } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { formatMoney } from '../components/money.ts';

export interface CloseConfirmation {
  /** "Close Dana Newcomer’s account 1234 5678 9012 3456 for good?" */
  question: string;
  /** Whether the account can close now, in words: only an empty account closes. */
  balance: string;
  /** What the toast says once it is closed. */
  done: string;
}

/** The words of the question asked before closing an account, naming it and what it holds. */
export function closeConfirmation(account: Pick<AccountSummary, 'owner' | 'accountNumber' | 'balance'>): CloseConfirmation {
  const name = `${account.owner}’s account ${formatAccountNumber(account.accountNumber)}`;
  return {
    question: `Close ${name} for good?`,
    balance:
      account.balance === 0
        ? 'It holds nothing, as an account must to close.'
        : `It must hold ${formatMoney(0)} to close, and it holds ${formatMoney(account.balance)}: move the money out first.`,
    done: `${name} is closed.`,
  };
}
