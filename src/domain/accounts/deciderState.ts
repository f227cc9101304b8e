import { emptyMap, mapEntries, mapGet, mapSet, type PersistentMap } from '../structures/persistentMap.ts';
import { isEmailEvent, isAccountEvent, type AccountEvent, type AccountOpened, type EmailEvent, type LedgerEvent } from './events.ts';
import { isNewerEvent, upcast } from '../schema/eventSchema.ts';
import { emailKey } from './streams.ts';

/** What deciding needs to know about one account, as the deciders read it. */
export type DeciderAccount = {
  accountNumber: string;
  email: string;
  status: 'open' | 'closed';
  verified: boolean;
  balance: number;
  /** The newest code the verification mailer sent; absent until it has run. */
  verificationCode?: string;
  /** A newer version of Rewind recorded changes to it that this one cannot read: it takes no commands here. */
  changedByNewerVersion: boolean;
};

/**
 * One account as the decider's state keeps it. A tuple without the account
 * number (its key): every snapshot and time-travel keyframe carries one per
 * account, and field names would make up most of their JSON. `version` is the
 * version of the account's stream where a state follows streams (the memory
 * image's decisions projection counts it there, so an account's event touches
 * one entry, not two); evolve, which sees no streams, carries it over as it is.
 */
export type AccountRow = [flags: number, balance: number, email: string, verificationCode: string | null, version: number];

/** Where an account row keeps its stream's version. */
export const ROW_VERSION = 4;

export const CLOSED = 1;
export const VERIFIED = 2;
/** The account's stream holds an event recorded by a newer version of Rewind. */
export const CHANGED_BY_NEWER_VERSION = 4;

export type MessageStatus = 'queued' | 'sent';

/** A message's status as the state keeps it. */
const QUEUED = 0;
const SENT = 1;
type StoredStatus = typeof QUEUED | typeof SENT;

/**
 * The decider's state (what decide reads and evolve writes): the accounts,
 * addresses and queued messages a command reads, keyed by account number, by address (see emailKey; the value is the
 * account number of the open account holding it, '' once released) and by
 * `<account number>/<message id>`. Persistent maps, so the memory image keeps
 * all of it and each event and each decision takes constant time, however many
 * messages an account has had.
 */
export type DeciderState = {
  accounts: PersistentMap<AccountRow>;
  emails: PersistentMap<string>;
  messages: PersistentMap<StoredStatus>;
};

export function initialState(): DeciderState {
  return { accounts: emptyMap(), emails: emptyMap(), messages: emptyMap() };
}

const messageKey = (accountNumber: string, messageId: string) => `${accountNumber}/${messageId}`;

/** Whether the account's message is queued or sent; undefined when the account has no such message. */
export function messageStatus(state: DeciderState, accountNumber: string, messageId: string): MessageStatus | undefined {
  const status = mapGet(state.messages, messageKey(accountNumber, messageId));
  return status === undefined ? undefined : status === SENT ? 'sent' : 'queued';
}

function deciderAccount(accountNumber: string, [flags, balance, email, code]: AccountRow): DeciderAccount {
  const status = flags & CLOSED ? 'closed' : 'open';
  const account: DeciderAccount = {
    accountNumber,
    email,
    status,
    verified: (flags & VERIFIED) !== 0,
    balance,
    changedByNewerVersion: (flags & CHANGED_BY_NEWER_VERSION) !== 0,
  };
  if (code !== null) account.verificationCode = code;
  return account;
}

export function accountOf(state: DeciderState, accountNumber: string): DeciderAccount | undefined {
  const row = mapGet(state.accounts, accountNumber);
  return row && deciderAccount(accountNumber, row);
}

/** The account number of the open account using this address, if any. */
export function holderOf(state: DeciderState, email: string): string | undefined {
  return mapGet(state.emails, emailKey(email)) || undefined;
}

/** Every account, in an order fixed by the numbers. */
export function allAccounts(state: DeciderState): DeciderAccount[] {
  return mapEntries(state.accounts).map(([number, row]) => deciderAccount(number, row));
}

/** The row an opening starts, with the account stream's version before it. */
export function openedRow(event: AccountOpened, version: number): AccountRow {
  return [0, 0, event.payload.email, null, version];
}

/** A row copy written out field by field, for a caller that then changes it. */
export function copyRow([flags, balance, email, code, version]: AccountRow): AccountRow {
  return [flags, balance, email, code, version];
}

/** Whether an event on an opened account changes its row (messages queued and sent live in `messages`). */
export function changesRow(event: AccountEvent): boolean {
  return event.type !== 'WithdrawalMessageQueued' && event.type !== 'MessageSent';
}

/** Brings `row`, a copy owned by the caller, up to date with an event on its account other than the opening. */
export function updateRow(row: AccountRow, event: Exclude<AccountEvent, AccountOpened>): void {
  switch (event.type) {
    case 'FundsAdded':
    case 'TransferReceived':
      row[1] += event.payload.amount;
      return;
    case 'FundsWithdrawn':
    case 'TransferSent':
      row[1] -= event.payload.amount;
      return;
    case 'AccountVerified':
      row[0] |= VERIFIED;
      return;
    case 'AccountClosed':
      row[0] |= CLOSED;
      return;
    case 'VerificationMessageQueued':
      row[3] = event.payload.code;
      return;
    case 'WithdrawalMessageQueued':
    case 'MessageSent':
      return;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** The message an event queues or sends, and its status after it; undefined for events about no message. */
export function messageChange(event: AccountEvent): [string, StoredStatus] | undefined {
  switch (event.type) {
    case 'VerificationMessageQueued':
    case 'WithdrawalMessageQueued':
      return [messageKey(event.payload.accountNumber, event.payload.messageId), QUEUED];
    case 'MessageSent':
      return [messageKey(event.payload.accountNumber, event.payload.messageId), SENT];
    default:
      return undefined;
  }
}

/** The address's key and its holder after the event ('' when released). */
export function emailChange(event: EmailEvent): [string, string] {
  const key = emailKey(event.payload.email);
  switch (event.type) {
    case 'EmailReserved':
      return [key, event.payload.accountNumber];
    case 'EmailReleased':
      return [key, ''];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * The state after `event`; whatever else `state` carries (the memory image adds
 * stream versions) is kept. An event about an account never opened changes nothing;
 * a second opening starts the account afresh.
 */
export function evolve<S extends DeciderState>(state: S, event: LedgerEvent): S {
  if (isEmailEvent(event)) return { ...state, emails: mapSet(state.emails, ...emailChange(event)) };
  const number = event.payload.accountNumber;
  let accounts = state.accounts;
  if (event.type === 'AccountOpened') accounts = mapSet(accounts, number, openedRow(event, mapGet(accounts, number)?.[ROW_VERSION] ?? 0));
  else {
    const row = mapGet(accounts, number);
    if (!row) return state;
    if (changesRow(event)) {
      const next = copyRow(row);
      updateRow(next, event);
      accounts = mapSet(accounts, number, next);
    }
  }
  const message = messageChange(event);
  const messages = message ? mapSet(state.messages, ...message) : state.messages;
  return { ...state, accounts, messages };
}

/**
 * Whether this domain can read the event: a type it knows, at a schema no newer
 * than it writes. Others (recorded by a newer version of Rewind) are passed over.
 */
export function isLedgerEvent(event: { type: string; meta?: { schema?: number } }): event is LedgerEvent {
  return (isAccountEvent(event) || isEmailEvent(event)) && !isNewerEvent(event);
}

/** Folds events into a decider's state, each in its current shape, passing over those this domain cannot read. */
export function foldEvents(events: Iterable<{ type: string; payload?: unknown; meta?: { schema?: number } }>, from: DeciderState = initialState()): DeciderState {
  let state = from;
  for (const event of events) {
    const current = upcast(event);
    if (isLedgerEvent(current)) state = evolve(state, current);
  }
  return state;
}
