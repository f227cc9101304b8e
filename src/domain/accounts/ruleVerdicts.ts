import type { LedgerEvent } from './events.ts';
import { MAX_BALANCE, formatCents } from './money.ts';

/**
 * The ledger's rules in words (src/domain/accounts/ledgerRules.ts): which rule an
 * event breaks, and the verdicts on what the rules know of one account.
 */

/** The rule an event breaks; stable, so tests and screens can match on it. */
export type LedgerRule =
  | 'PAYLOAD'
  | 'STREAM'
  | 'ACCOUNT_EXISTS'
  | 'ACCOUNT_OPENED_TWICE'
  | 'ACCOUNT_OPEN'
  | 'VERIFIED'
  | 'FUNDS'
  | 'BALANCE_LIMIT'
  | 'TRANSFER_HALVES'
  | 'VERIFICATION'
  | 'MESSAGE'
  | 'EMAIL'
  | 'CLOSING_BALANCE';

export interface RuleViolation {
  rule: LedgerRule;
  /** The rule in words, naming the account and amounts involved. */
  message: string;
  /** The account the event is about, when it is about one. */
  account?: string;
}

/** What the rules know of one account. */
export interface AccountFacts {
  open: boolean;
  verified: boolean;
  balance: number;
  email: string;
  codeSent: boolean;
}

/** What an account not followed is taken to be: open, verified, with a code sent. */
export const TRUSTED: AccountFacts = { open: true, verified: true, balance: 0, email: '', codeSent: true };

export function broken(rule: LedgerRule, account: string, message: string): RuleViolation {
  return { rule, message, account };
}

export function notOpen(account: AccountFacts, event: LedgerEvent, number: string): RuleViolation | undefined {
  return account.open ? undefined : broken('ACCOUNT_OPEN', number, `Account ${number} is closed and takes no ${event.type}.`);
}

export function noRoom(account: AccountFacts, amount: number, number: string): RuleViolation | undefined {
  return account.balance + amount > MAX_BALANCE
    ? broken('BALANCE_LIMIT', number, `Account ${number} cannot hold ${formatCents(account.balance + amount)}.`)
    : undefined;
}

/** Money leaves only an open, verified account that holds it (what an account not followed holds is not known here). */
export function cannotPay(account: AccountFacts, event: LedgerEvent, number: string, amount: number, followed: boolean): RuleViolation | undefined {
  return (
    notOpen(account, event, number) ??
    (account.verified ? undefined : broken('VERIFIED', number, `Account ${number} is not verified, so no money may leave it.`)) ??
    (!followed || account.balance >= amount
      ? undefined
      : broken('FUNDS', number, `Account ${number} holds ${formatCents(account.balance)}, less than the ${formatCents(amount)} that would leave it.`))
  );
}
