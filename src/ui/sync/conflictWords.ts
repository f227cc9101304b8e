import { DomainError, type Command, type DomainErrorCode } from '../../domain/index.ts';
import type { CompetingChange, SyncConflict } from '../../app/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { describeError } from '../components/describeError.ts';
import { formatMoney } from '../components/money.ts';

/** What the sentences draw on: whose account a number is, the locale, and today (to leave the date out). */
export interface WordsContext {
  ownerOf?(accountNumber: string): string | undefined;
  locale?: string;
  now?: Date;
}

/** "Alice Smith’s account" or "account 1234 5678 1234 5678". */
function accountWords(number: string, context: WordsContext): string {
  const owner = context.ownerOf?.(number);
  return owner ? `${owner}’s account` : `account ${formatAccountNumber(number)}`;
}

const money = (cents: number, context: WordsContext) => formatMoney(cents, { locale: context.locale });

/** "10:02" today, else "7 Dec 2026, 10:02", in the person's locale and time zone. */
export function whenWords(at: string, context: WordsContext): string {
  const date = new Date(at);
  const now = context.now ?? new Date();
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(context.locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The command as the person made it: "Withdraw €30.00 from Alice Smith’s account". */
export function commandWords(command: Command, context: WordsContext = {}): string {
  switch (command.type) {
    case 'Withdraw':
      return `Withdraw ${money(command.amount, context)} from ${accountWords(command.account, context)}`;
    case 'AddFunds':
      return `Add ${money(command.amount, context)} to ${accountWords(command.account, context)}`;
    case 'Transfer':
      return `Transfer ${money(command.amount, context)} from ${accountWords(command.from, context)} to ${accountWords(command.to, context)}`;
    case 'OpenAccount':
      return `Open an account for ${command.owner}`;
    case 'VerifyAccount':
      return `Verify ${accountWords(command.account, context)}`;
    case 'CloseAccount':
      return `Close ${accountWords(command.account, context)}`;
    case 'MarkMessageSent':
      return `Mark a message of ${accountWords(command.account, context)} as sent`;
    default: {
      const unknown: never = command;
      return String((unknown as { type: unknown }).type);
    }
  }
}

/** What another device did, in a verb: "withdrew €50.00 from Alice Smith’s account". */
function changeVerb(change: CompetingChange, context: WordsContext): string {
  const amount = change.amount === undefined ? '' : ` ${money(change.amount, context)}`;
  const account = change.accountNumber === undefined ? 'the account' : accountWords(change.accountNumber, context);
  switch (change.type) {
    case 'FundsWithdrawn':
      return `withdrew${amount} from ${account}`;
    case 'FundsAdded':
      return `added${amount} to ${account}`;
    case 'TransferSent':
      return `transferred${amount} from ${account}`;
    case 'TransferReceived':
      return `transferred${amount} to ${account}`;
    case 'AccountClosed':
      return `closed ${account}`;
    case 'AccountVerified':
      return `verified ${account}`;
    case 'AccountOpened':
      return `opened ${account}`;
    default:
      return `changed ${account}`;
  }
}

/** "Laptop withdrew €50.00 from Alice Smith’s account at 10:01". */
export function competingWords(change: CompetingChange, context: WordsContext = {}): string {
  return `${change.device} ${changeVerb(change, context)} at ${whenWords(change.at, context)}`;
}

/**
 * Why the command was refused: in the app's words and the person's locale (as its forms say it) when the refusal
 * carries the decider's details, else the decider's sentence as it came.
 */
export function reasonWords(reason: SyncConflict['reason'], context: WordsContext = {}): string {
  if (!reason) return 'the ledger’s rules do not allow it now.';
  const details = (reason as { details?: DomainError['details'] }).details;
  if (!details) return reason.message;
  return describeError(new DomainError(reason.code as DomainErrorCode, reason.message, undefined, details), context).message;
}

/** The conflict's heading and lines, in the order a person reads them. */
export function conflictWords(conflict: SyncConflict, context: WordsContext = {}) {
  const arrived = conflict.competing.map((c) => competingWords(c, context));
  return {
    command: commandWords(conflict.command, context),
    made: `on ${conflict.device} at ${whenWords(conflict.at, context)}`,
    arrived: arrived.length > 0 ? `Meanwhile ${arrived.join('; ')}.` : undefined,
    outcome:
      conflict.outcome === 'applied'
        ? 'It was decided again on top of that and applied after all.'
        : `It was decided again on top of that and refused: ${reasonWords(conflict.reason, context)}`,
  };
}

/** The amount a "Change and retry" form starts from, and how to put a changed one back in the command. */
export function commandAmount(command: Command): number | undefined {
  if (command.type === 'Withdraw' || command.type === 'AddFunds' || command.type === 'Transfer') return command.amount;
  if (command.type === 'OpenAccount') return command.initialDeposit;
  return undefined;
}

export function withAmount(command: Command, cents: number | undefined): Command {
  if (command.type === 'Withdraw' || command.type === 'AddFunds' || command.type === 'Transfer') return { ...command, amount: cents as number };
  if (command.type === 'OpenAccount') return { ...command, initialDeposit: cents };
  return command;
}

/** The account a conflict is about, to open in a what-if branch. */
export function commandAccount(command: Command): string | undefined {
  if (command.type === 'Transfer') return command.from;
  if (command.type === 'OpenAccount') return undefined;
  return command.account;
}
