import { getAccount, isDomainError, type DomainError } from '../../domain/index.ts';
import { ViewingPastError, type Ledger } from '../../app/index.ts';
import { viewedStates } from '../ledger/useView.ts';
import { formatAccountNumber } from './accountNumber.ts';
import { formatCount } from './formatCount.ts';
import { formatMoney } from './money.ts';

/** What went wrong with a command, in words for the person who tried it, and the form field at fault. */
export interface CommandProblem {
  message: string;
  field?: string;
}

/** What the words may draw on besides the error: whose account a number is, and the locale to write in. */
export interface ErrorContext {
  ownerOf?(accountNumber: string): string | undefined;
  /** The browser's when absent. */
  locale?: string;
}

/** Whose account a number is, as the screens show the accounts. */
export function ownersIn(ledger: Pick<Ledger, 'branch' | 'travel' | 'image'>): (accountNumber: string) => string | undefined {
  return (accountNumber) => getAccount(viewedStates(ledger).accounts, accountNumber)?.owner;
}

/** The pieces every sentence names: the owner, the grouped account number, money in the locale. */
function wording(details: DomainError['details'], context: ErrorContext) {
  const number = details.accountNumber;
  const grouped = number === undefined ? 'this account' : formatAccountNumber(number);
  const owner = number === undefined ? undefined : context.ownerOf?.(number);
  const money = (cents: number) => formatMoney(cents, { locale: context.locale });
  return {
    /** "Dana Newcomer" or "Account 8694 9337 3810 8836": who has the money. */
    who: owner ?? `Account ${grouped}`,
    /** "Dana Newcomer’s account 8694 9337 3810 8836" or "account 8694 9337 3810 8836". */
    account: owner ? `${owner}’s account ${grouped}` : `account ${grouped}`,
    grouped,
    money,
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A refusal that depends on the ledger's state, in a person's words and saying what to do; undefined for the rest. */
function refusalText(error: DomainError, context: ErrorContext): string | undefined {
  const d = error.details;
  const { who, account, grouped, money } = wording(d, context);
  const Account = capitalised(account);
  switch (error.code) {
    case 'INSUFFICIENT_FUNDS':
      if (d.balance === undefined) return undefined;
      return d.balance === 0
        ? `${who} has ${money(0)}: add funds before taking money out.`
        : `${who} has ${money(d.balance)}: enter ${money(d.balance)} or less.`;
    case 'NOT_VERIFIED':
      return `${Account} is not verified yet: verify it with the code from the Outbox first.`;
    case 'NONZERO_BALANCE':
      if (d.balance === undefined) return undefined;
      return `Close needs a balance of ${money(0)}: ${who} has ${money(d.balance)}; withdraw or transfer it first.`;
    case 'BALANCE_TOO_LARGE':
      if (d.limit === undefined) return undefined;
      return d.limit <= 0
        ? `${Account} holds as much as an account can: it takes no more money.`
        : `${Account} can take at most ${money(d.limit)} more: enter ${money(d.limit)} or less.`;
    case 'ACCOUNT_NOT_FOUND':
      if (d.accountNumber === undefined) return undefined;
      return d.role === 'receiving'
        ? `No account has the number ${grouped}: check the receiving account’s number.`
        : `No account has the number ${grouped}: check the number.`;
    case 'ACCOUNT_CLOSED':
      return `${Account} is closed and takes no more changes: choose an open account.`;
    case 'SAME_ACCOUNT':
      return 'Money cannot go to the account it comes from: choose another receiving account.';
    case 'ALREADY_VERIFIED':
      return `${Account} is already verified: nothing more to do.`;
    case 'NO_CODE_YET':
      return `No verification code has been sent for ${account} yet: wait for its message in the Outbox, then enter the code from it.`;
    case 'WRONG_CODE':
      return `That is not the code sent for ${account}: check the newest verification message in the Outbox and try again.`;
    case 'EMAIL_TAKEN':
      if (d.email === undefined) return undefined;
      return d.accountNumber === undefined
        ? `${d.email} is already used by an open account: enter another e-mail address.`
        : `${d.email} is already used by ${account}: enter another e-mail address.`;
    case 'MESSAGE_NOT_FOUND':
      return `${Account} has no such message: it may belong to a what-if branch or another log.`;
    case 'ALREADY_SENT':
      return 'That message is already marked as sent: nothing more to do.';
    case 'NEEDS_NEWER_VERSION':
      return d.role === 'receiving'
        ? `${Account} has changes recorded by a newer version of Rewind: update Rewind to send money to it.`
        : `${Account} has changes recorded by a newer version of Rewind: update Rewind to change it.`;
    case 'INVALID_CATEGORY':
      return d.limit === undefined
        ? 'Type the category on one line, or leave it empty for Uncategorized.'
        : `A category has at most ${formatCount(d.limit, context.locale)} characters: shorten it.`;
    default:
      // Malformed commands (their words come with the field checks) and conflicts say it well enough already.
      return undefined;
  }
}

/** The error of a command in words for the person who tried it, with the money and numbers in their locale. */
export function describeError(error: unknown, context: ErrorContext = {}): CommandProblem {
  if (isDomainError(error)) return { message: refusalText(error, context) ?? error.message, field: error.field };
  if (error instanceof ViewingPastError) return { message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `This could not be recorded: ${detail}` };
}
