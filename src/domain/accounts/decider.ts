import { DomainError } from '../errors.ts';
import { randomDigits, randomUuid, type RandomSource } from '../random.ts';
import type { Command } from './commands.ts';
import type { AccountOpened, LedgerEvent } from './events.ts';
import { UNCATEGORIZED } from './categories.ts';
import { MAX_BALANCE, formatCents } from './money.ts';
import { accountOf, holderOf, messageStatus, type DeciderAccount, type DeciderState } from './deciderState.ts';

/** What deciding may draw on besides state: randomness, as data. */
export type DecideContext = { random: RandomSource };

/** Fresh numbers are redrawn on a clash; with 9·10^15 numbers this many clashes in a row do not happen. */
const MAX_NUMBER_DRAWS = 32;

function found(state: DeciderState, number: string, field: string, role = 'account'): DeciderAccount {
  const account = accountOf(state, number);
  if (!account)
    throw new DomainError('ACCOUNT_NOT_FOUND', `There is no ${role} with number ${number}.`, field, {
      accountNumber: number,
      ...(role === 'receiving account' ? { role: 'receiving' as const } : {}),
    });
  if (account.changedByNewerVersion)
    throw new DomainError(
      'NEEDS_NEWER_VERSION',
      `Account ${number} has changes recorded by a newer version of Rewind; update Rewind to change it.`,
      field,
      { accountNumber: number, ...(role === 'receiving account' ? { role: 'receiving' as const } : {}) },
    );
  return account;
}

function open(state: DeciderState, number: string, field: string, role = 'account'): DeciderAccount {
  const account = found(state, number, field, role);
  if (account.status === 'closed')
    throw new DomainError('ACCOUNT_CLOSED', `Account ${number} is closed and takes no more changes.`, field, { accountNumber: number });
  return account;
}

/** An account money can leave: open, verified and holding at least `amount`. */
function payer(state: DeciderState, number: string, amount: number, field: string): DeciderAccount {
  const account = open(state, number, field);
  if (!account.verified)
    throw new DomainError('NOT_VERIFIED', `Account ${number} must be verified before money can leave it.`, field, { accountNumber: number });
  if (account.balance < amount)
    throw new DomainError(
      'INSUFFICIENT_FUNDS',
      `Account ${number} holds ${formatCents(account.balance)}, less than ${formatCents(amount)}.`,
      'amount',
      { accountNumber: number, balance: account.balance, amount, limit: account.balance },
    );
  return account;
}

function assertRoom(account: DeciderAccount, amount: number, field: string): void {
  if (account.balance + amount > MAX_BALANCE)
    throw new DomainError('BALANCE_TOO_LARGE', `Account ${account.accountNumber} cannot hold that much.`, field, {
      accountNumber: account.accountNumber,
      balance: account.balance,
      amount,
      limit: MAX_BALANCE - account.balance,
    });
}

/** A movement's category and note: the category always (Uncategorized when none was named), the note only when given, as JSON has no undefined. */
function described(category: string | undefined, note: string | undefined): { category: string; note?: string } {
  return note === undefined ? { category: category ?? UNCATEGORIZED } : { category: category ?? UNCATEGORIZED, note };
}

function freshAccountNumber(state: DeciderState, random: RandomSource): string {
  for (let i = 0; i < MAX_NUMBER_DRAWS; i++) {
    const number = randomDigits(random, 16, true);
    if (!accountOf(state, number)) return number;
  }
  throw new DomainError('CONFLICT', 'No free account number could be drawn; please try again.');
}

/**
 * Decides a (parsed) command against the state of the accounts and addresses it
 * touches: validation, then derivation (numbers, transfer ids), then the events
 * that record the consequence. Pure: throws a DomainError and returns nothing
 * when the command is refused.
 */
export function decide(command: Command, state: DeciderState, ctx: DecideContext): LedgerEvent[] {
  switch (command.type) {
    case 'OpenAccount': {
      const { owner, email, initialDeposit } = command;
      const holder = holderOf(state, email);
      if (holder !== undefined)
        throw new DomainError('EMAIL_TAKEN', `An open account already uses the e-mail address ${email}.`, 'email', { email, accountNumber: holder });
      const accountNumber = freshAccountNumber(state, ctx.random);
      const opened: AccountOpened = { type: 'AccountOpened', payload: { accountNumber, owner, email } };
      const events: LedgerEvent[] = [opened, { type: 'EmailReserved', payload: { email, accountNumber } }];
      if (initialDeposit !== undefined)
        events.push({ type: 'FundsAdded', payload: { accountNumber, amount: initialDeposit, ...described(undefined, 'Initial deposit') } });
      return events;
    }
    case 'AddFunds': {
      const { account, amount, category, note } = command;
      assertRoom(open(state, account, 'account'), amount, 'amount');
      return [{ type: 'FundsAdded', payload: { accountNumber: account, amount, ...described(category, note) } }];
    }
    case 'Withdraw': {
      const { account, amount, category, note } = command;
      payer(state, account, amount, 'account');
      return [{ type: 'FundsWithdrawn', payload: { accountNumber: account, amount, ...described(category, note) } }];
    }
    case 'Transfer': {
      const { from, to, amount, category, note } = command;
      if (from === to)
        throw new DomainError('SAME_ACCOUNT', 'Money cannot be transferred to the account it comes from.', 'to', { accountNumber: from });
      payer(state, from, amount, 'from');
      assertRoom(open(state, to, 'to', 'receiving account'), amount, 'amount');
      const transferId = randomUuid(ctx.random);
      const about = described(category, note);
      return [
        { type: 'TransferSent', payload: { accountNumber: from, transferId, to, amount, ...about } },
        { type: 'TransferReceived', payload: { accountNumber: to, transferId, from, amount, ...about } },
      ];
    }
    case 'VerifyAccount': {
      const { account, code } = command;
      const target = open(state, account, 'account');
      const about = { accountNumber: account };
      if (target.verified) throw new DomainError('ALREADY_VERIFIED', `Account ${account} is already verified.`, 'account', about);
      if (target.verificationCode === undefined)
        throw new DomainError('NO_CODE_YET', `No verification code has been sent for account ${account} yet.`, 'code', about);
      if (target.verificationCode !== code)
        throw new DomainError('WRONG_CODE', 'That verification code is not the one we sent. Check the message and try again.', 'code', about);
      return [{ type: 'AccountVerified', payload: { accountNumber: account } }];
    }
    case 'CloseAccount': {
      const { account } = command;
      const target = open(state, account, 'account');
      if (target.balance !== 0)
        throw new DomainError(
          'NONZERO_BALANCE',
          `Account ${account} still holds ${formatCents(target.balance)}; move the money out before closing it.`,
          'account',
          { accountNumber: account, balance: target.balance },
        );
      const events: LedgerEvent[] = [{ type: 'AccountClosed', payload: { accountNumber: account } }];
      if (holderOf(state, target.email) === account)
        events.push({ type: 'EmailReleased', payload: { email: target.email, accountNumber: account } });
      return events;
    }
    case 'MarkMessageSent': {
      // Allowed on a closed account: the message was queued while it was open, and sending it is outbox bookkeeping.
      const { account, messageId } = command;
      found(state, account, 'account');
      const status = messageStatus(state, account, messageId);
      if (status === undefined)
        throw new DomainError('MESSAGE_NOT_FOUND', `Account ${account} has no message ${messageId}.`, 'messageId', { accountNumber: account, messageId });
      if (status === 'sent')
        throw new DomainError('ALREADY_SENT', 'That message is already marked as sent.', 'messageId', { accountNumber: account, messageId });
      return [{ type: 'MessageSent', payload: { accountNumber: account, messageId } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
