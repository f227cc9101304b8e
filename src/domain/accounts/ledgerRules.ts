import { mapGet } from '../structures/persistentMap.ts';
import { isNewerEvent, upcast } from '../schema/eventSchema.ts';
import { CHANGED_BY_NEWER_VERSION, CLOSED, VERIFIED, isLedgerEvent, type DeciderState } from './deciderState.ts';
import type { LedgerEvent, TransferReceived, TransferSent } from './events.ts';
import { formatCents } from './money.ts';
import { ledgerPayloadProblem } from './payloadChecks.ts';
import { streamOf } from './routing.ts';
import { TRUSTED, broken, cannotPay, noRoom, notOpen, type AccountFacts, type RuleViolation } from './ruleVerdicts.ts';
import { accountNumberOfStream, emailKey, isStreamOfAccount } from './streams.ts';

export type { LedgerRule, RuleViolation } from './ruleVerdicts.ts';

/** An event as it asks to enter a log: its stream comes from its meta (stored or file events) or beside it (injections). */
export interface CandidateEvent {
  type: string;
  payload?: unknown;
  meta: { stream: string; schema?: number };
}

/** A transfer of which one half has been seen: the other must come, matching, before the sequence ends. */
interface OpenTransfer {
  seen: 'TransferSent' | 'TransferReceived';
  from: string;
  to: string;
  amount: number;
  category: string;
}

/**
 * The ledger's rules over a sequence of events, for every event that enters a
 * log without a decider: imported and merged files, scenario files, what-if
 * branches. An event is admitted only if a command could have produced it from
 * the state before it: payloads of the right shape on the right stream, money
 * leaving only open, verified accounts that hold it, balances within the
 * limit, nothing on accounts that were never opened or are closed, and each
 * transfer's two halves present and matching. The halves need not be next to
 * each other, nor in either order: one commit of several commands holds one
 * batch per stream, so other events (and the receiving half) can come between.
 * Those keep every balance at or above zero and, once every transfer has both
 * halves, the money in the system equal to the sum of the balances. Events of
 * types this domain does not know, or recorded by a newer version of Rewind, pass
 * untouched (see the constructor).
 *
 * Mutable maps over an optional starting state (a merge starts from the live
 * log's): a million imported events cost a map write each, not a path copy.
 */
export class LedgerRules {
  private readonly accounts = new Map<string, AccountFacts>();
  /** Address key to the account holding it ('' once released). */
  private readonly emails = new Map<string, string>();
  /** `<account>/<message id>` to whether it was sent. */
  private readonly messages = new Map<string, boolean>();
  /** Addresses reserved for an account not yet opened (its commit's batch for the address stream came first), by account. */
  private readonly awaitingOpening = new Map<string, string>();
  /** Transfers with one half seen, by transfer id, oldest first. */
  private readonly open = new Map<string, OpenTransfer>();

  /**
   * `follows` says which accounts this run is given every event of (all, by
   * default). An account it does not follow is one whose events the caller
   * knows keep the rules (a what-if branch checks only the streams it changes
   * over a log that keeps them): its own facts are neither checked nor kept,
   * while its transfer halves must still pair and its addresses are still held.
   * An account whose stream holds an event recorded by a newer version of
   * Rewind is not followed from that event on: what the event did to it is not
   * known here, so the events after it are taken on trust, as that version decided them.
   */
  constructor(
    private readonly base?: DeciderState,
    private readonly followsGiven: (account: string) => boolean = () => true,
  ) {}

  /** Accounts with an event of a newer version of Rewind in this run. */
  private readonly changedByNewer = new Set<string>();

  private follows(number: string): boolean {
    if (this.changedByNewer.has(number)) return false;
    const row = this.base && mapGet(this.base.accounts, number);
    return (row === undefined || (row[0] & CHANGED_BY_NEWER_VERSION) === 0) && this.followsGiven(number);
  }

  /** Checks `event` against the state so far and, when it keeps every rule, takes it in. Returns the broken rule otherwise, changing nothing. */
  admit(candidate: CandidateEvent): RuleViolation | undefined {
    if (isNewerEvent(candidate)) {
      const number = accountNumberOfStream(candidate.meta.stream);
      if (number !== undefined) this.changedByNewer.add(number);
      return undefined;
    }
    // Rules are written for the current schema: an older event is read as its upcasters lift it.
    const event = upcast(candidate);
    if (!isLedgerEvent(event)) return undefined;
    const payloadProblem = ledgerPayloadProblem(event);
    if (payloadProblem) return { rule: 'PAYLOAD', message: payloadProblem, account: accountOfPayload(event.payload) };
    const ledgerEvent = event as LedgerEvent;
    const violation = this.violation(ledgerEvent, event.meta.stream);
    if (violation) return violation;
    this.take(ledgerEvent);
    return undefined;
  }

  /** What the sequence leaves broken at its end: an address reserved for an account never opened, or the oldest transfer with one half only. */
  finish(): RuleViolation | undefined {
    for (const [number, email] of this.awaitingOpening)
      return broken('ACCOUNT_EXISTS', number, `The address ${email} is reserved for account ${number}, which is never opened.`);
    for (const [transferId, open] of this.open) {
      const { from, to, amount } = open;
      return open.seen === 'TransferSent'
        ? broken('TRANSFER_HALVES', from, `Transfer ${transferId} of ${formatCents(amount)} left account ${from} but never reached account ${to}: there is no TransferReceived of it.`)
        : broken('TRANSFER_HALVES', to, `Transfer ${transferId} of ${formatCents(amount)} reached account ${to} but never left account ${from}: there is no TransferSent of it.`);
    }
    return undefined;
  }

  /** Why this half cannot pair: it repeats a half seen, or differs from the other half seen. */
  private unpaired(event: TransferSent | TransferReceived): RuleViolation | undefined {
    const { transferId, amount, category } = event.payload;
    const open = this.open.get(transferId);
    if (!open) return undefined;
    const half = transferHalf(event);
    if (open.seen === event.type) return broken('TRANSFER_HALVES', event.payload.accountNumber, `Transfer ${transferId} has a second ${event.type}.`);
    if (open.from !== half.from || open.to !== half.to || open.amount !== amount)
      return broken(
        'TRANSFER_HALVES',
        event.payload.accountNumber,
        `The halves of transfer ${transferId} do not match: ${formatCents(open.amount)} from ${open.from} to ${open.to} in its ${open.seen}, ${formatCents(amount)} from ${half.from} to ${half.to} in its ${event.type}.`,
      );
    if (open.category !== category)
      return broken('TRANSFER_HALVES', event.payload.accountNumber, `The halves of transfer ${transferId} differ in category: "${open.category}" and "${category}".`);
    return undefined;
  }

  private account(number: string): AccountFacts | undefined {
    const known = this.accounts.get(number);
    if (known || !this.base) return known;
    const row = mapGet(this.base.accounts, number);
    if (!row) return undefined;
    const facts = { open: (row[0] & CLOSED) === 0, verified: (row[0] & VERIFIED) !== 0, balance: row[1], email: row[2], codeSent: row[3] !== null };
    this.accounts.set(number, facts);
    return facts;
  }

  private holder(email: string): string | undefined {
    const key = emailKey(email);
    const holder = this.emails.has(key) ? this.emails.get(key) : this.base && mapGet(this.base.emails, key);
    return holder || undefined;
  }

  private messageSent(account: string, messageId: string): boolean | undefined {
    const key = `${account}/${messageId}`;
    if (this.messages.has(key)) return this.messages.get(key);
    const status = this.base && mapGet(this.base.messages, key);
    return status === undefined ? undefined : status === 1;
  }

  private violation(event: LedgerEvent, stream: string): RuleViolation | undefined {
    const number = event.payload.accountNumber;
    if (!onOwnStream(event, stream)) return broken('STREAM', number, `${event.type} belongs on stream ${streamOf(event)}, not ${stream}.`);
    if (event.type === 'AccountOpened')
      return this.account(number) ? broken('ACCOUNT_OPENED_TWICE', number, `Account ${number} is opened a second time.`) : undefined;
    if (event.type === 'EmailReserved') return this.reservationProblem(event.payload.email, number);
    const followed = this.follows(number);
    // An account not followed passes every check of its own facts, as if it were open, verified and holding what it needs.
    const account = followed ? this.account(number) : { ...TRUSTED };
    if (!account) return broken('ACCOUNT_EXISTS', number, `${event.type} names account ${number}, which was never opened.`);
    switch (event.type) {
      case 'FundsAdded':
        return notOpen(account, event, number) ?? (followed ? noRoom(account, event.payload.amount, number) : undefined);
      case 'FundsWithdrawn':
        return cannotPay(account, event, number, event.payload.amount, followed);
      case 'TransferSent': {
        const { to, amount, transferId } = event.payload;
        if (to === number) return broken('TRANSFER_HALVES', number, `Transfer ${transferId} sends money from account ${number} to itself.`);
        return this.unpaired(event) ?? cannotPay(account, event, number, amount, followed);
      }
      case 'TransferReceived': {
        const { transferId, from, amount } = event.payload;
        if (from === number) return broken('TRANSFER_HALVES', number, `Transfer ${transferId} sends money from account ${number} to itself.`);
        return this.unpaired(event) ?? notOpen(account, event, number) ?? (followed ? noRoom(account, amount, number) : undefined);
      }
      case 'AccountVerified':
        if (followed && account.verified) return broken('VERIFICATION', number, `Account ${number} is verified a second time.`);
        return (
          notOpen(account, event, number) ??
          (account.codeSent ? undefined : broken('VERIFICATION', number, `Account ${number} is verified before any code was sent to it.`))
        );
      case 'AccountClosed':
        return (
          notOpen(account, event, number) ??
          (!followed || account.balance === 0
            ? undefined
            : broken('CLOSING_BALANCE', number, `Account ${number} closes while it still holds ${formatCents(account.balance)}.`))
        );
      case 'VerificationMessageQueued':
      case 'WithdrawalMessageQueued':
        if (!followed) return undefined;
        return this.messageSent(number, event.payload.messageId) === undefined
          ? undefined
          : broken('MESSAGE', number, `Message ${event.payload.messageId} of account ${number} is queued a second time.`);
      case 'MessageSent': {
        if (!followed) return undefined;
        const status = this.messageSent(number, event.payload.messageId);
        if (status === undefined) return broken('MESSAGE', number, `Account ${number} has no message ${event.payload.messageId} to mark as sent.`);
        return status ? broken('MESSAGE', number, `Message ${event.payload.messageId} of account ${number} is marked as sent twice.`) : undefined;
      }
      case 'EmailReleased':
        return this.holder(event.payload.email) === number
          ? undefined
          : broken('EMAIL', number, `Account ${number} releases the address ${event.payload.email}, which it does not hold.`);
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  }

  /**
   * An address may be reserved only while no other open account holds it, by
   * an open account or by one opened later in the sequence (a commit writes one
   * batch per stream, so the address's batch can come before the account's).
   */
  private reservationProblem(email: string, number: string): RuleViolation | undefined {
    const holder = this.holder(email);
    if (holder !== undefined && holder !== number)
      return broken('EMAIL', number, `The address ${email} is reserved for account ${number} while open account ${holder} holds it.`);
    const account = this.follows(number) ? this.account(number) : TRUSTED;
    return !account || account.open ? undefined : broken('ACCOUNT_OPEN', number, `Account ${number} is closed and cannot reserve an address.`);
  }

  /** The half closes its transfer when the other half was seen, else opens it. */
  private pair(event: TransferSent | TransferReceived): void {
    const { transferId, amount, category } = event.payload;
    if (this.open.delete(transferId)) return;
    this.open.set(transferId, { seen: event.type, amount, category, ...transferHalf(event) });
  }

  private take(event: LedgerEvent): void {
    const number = event.payload.accountNumber;
    if (event.type === 'AccountOpened') {
      this.accounts.set(number, { open: true, verified: false, balance: 0, email: event.payload.email, codeSent: false });
      this.awaitingOpening.delete(number);
      return;
    }
    if (event.type === 'EmailReserved') {
      this.emails.set(emailKey(event.payload.email), number);
      if (this.follows(number) && !this.account(number)) this.awaitingOpening.set(number, event.payload.email);
      return;
    }
    // The facts of an account not followed are a scratch copy, dropped after the event.
    const account = this.follows(number) ? this.account(number)! : { ...TRUSTED };
    switch (event.type) {
      case 'FundsAdded':
        account.balance += event.payload.amount;
        return;
      case 'TransferReceived':
        account.balance += event.payload.amount;
        this.pair(event);
        return;
      case 'FundsWithdrawn':
        account.balance -= event.payload.amount;
        return;
      case 'TransferSent':
        account.balance -= event.payload.amount;
        this.pair(event);
        return;
      case 'AccountVerified':
        account.verified = true;
        return;
      case 'AccountClosed':
        account.open = false;
        return;
      case 'VerificationMessageQueued':
        account.codeSent = true;
        this.messages.set(`${number}/${event.payload.messageId}`, false);
        return;
      case 'WithdrawalMessageQueued':
        this.messages.set(`${number}/${event.payload.messageId}`, false);
        return;
      case 'MessageSent':
        this.messages.set(`${number}/${event.payload.messageId}`, true);
        return;
      case 'EmailReleased':
        this.emails.set(emailKey(event.payload.email), '');
        return;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  }
}

/** The accounts a transfer half moves money between. */
function transferHalf(event: TransferSent | TransferReceived): { from: string; to: string } {
  return event.type === 'TransferSent'
    ? { from: event.payload.accountNumber, to: event.payload.to }
    : { from: event.payload.from, to: event.payload.accountNumber };
}

/** Account events go on the account's stream, address events on the address's (whose name costs a hash, so it is built only for those). */
function onOwnStream(event: LedgerEvent, stream: string): boolean {
  return event.type === 'EmailReserved' || event.type === 'EmailReleased'
    ? stream === streamOf(event)
    : isStreamOfAccount(stream, event.payload.accountNumber);
}

function accountOfPayload(payload: unknown): string | undefined {
  const number = typeof payload === 'object' && payload !== null ? (payload as { accountNumber?: unknown }).accountNumber : undefined;
  return typeof number === 'string' ? number : undefined;
}

/** The first rule a sequence of events breaks, with the index of the event that breaks it (its length for what is left open at its end). */
export function firstViolation(events: Iterable<CandidateEvent>, base?: DeciderState): (RuleViolation & { index: number }) | undefined {
  const rules = new LedgerRules(base);
  let index = 0;
  for (const event of events) {
    const violation = rules.admit(event);
    if (violation) return { ...violation, index };
    index += 1;
  }
  const open = rules.finish();
  return open && { ...open, index };
}
