import { emptyMap, mapGet, mapSet, mapValues, type PersistentMap } from '../readModels/persistentMap.ts';
import { isAccountEvent, isEmailEvent, type AccountEvent, type EmailEvent, type LedgerEvent } from './events.ts';
import { emailKey } from './streams.ts';

/** What deciding needs to know about one account, folded from its stream. */
export type AccountState = {
  accountNumber: string;
  owner: string;
  email: string;
  status: 'open' | 'closed';
  verified: boolean;
  balance: number;
  /** The newest code the verification mailer sent; absent until it has run. */
  verificationCode?: string;
};

export type MessageStatus = 'queued' | 'sent';

/** Who holds an address: the account number of the open account using it, if any. */
export type EmailState = { holder?: string };

/**
 * The decision state: the accounts, addresses and queued messages a command
 * reads, keyed by account number, by address (see emailKey) and by
 * `<account number>/<message id>`. Persistent maps, so the memory image keeps
 * all of it and each event and each decision takes constant time, however many
 * messages an account has had.
 */
export type DecisionState = {
  accounts: PersistentMap<AccountState>;
  emails: PersistentMap<EmailState>;
  messages: PersistentMap<MessageStatus>;
};

export function initialState(): DecisionState {
  return { accounts: emptyMap(), emails: emptyMap(), messages: emptyMap() };
}

const messageKey = (accountNumber: string, messageId: string) => `${accountNumber}/${messageId}`;

/** Whether the account's message is queued or sent; undefined when the account has no such message. */
export function messageStatus(state: DecisionState, accountNumber: string, messageId: string): MessageStatus | undefined {
  return mapGet(state.messages, messageKey(accountNumber, messageId));
}

export function accountOf(state: DecisionState, accountNumber: string): AccountState | undefined {
  return mapGet(state.accounts, accountNumber);
}

/** The account number of the open account using this address, if any. */
export function holderOf(state: DecisionState, email: string): string | undefined {
  return mapGet(state.emails, emailKey(email))?.holder;
}

/** Every account, in an order fixed by the numbers. */
export function allAccounts(state: DecisionState): AccountState[] {
  return mapValues(state.accounts);
}

function evolveAccount(account: AccountState | undefined, event: AccountEvent): AccountState | undefined {
  if (event.type === 'AccountOpened') {
    const { accountNumber, owner, email } = event.payload;
    return { accountNumber, owner, email, status: 'open', verified: false, balance: 0 };
  }
  if (!account) return undefined;
  switch (event.type) {
    case 'FundsAdded':
    case 'TransferReceived':
      return { ...account, balance: account.balance + event.payload.amount };
    case 'FundsWithdrawn':
    case 'TransferSent':
      return { ...account, balance: account.balance - event.payload.amount };
    case 'AccountVerified':
      return { ...account, verified: true };
    case 'AccountClosed':
      return { ...account, status: 'closed' };
    case 'VerificationMessageQueued':
      return { ...account, verificationCode: event.payload.code };
    case 'WithdrawalMessageQueued':
    case 'MessageSent':
      return account;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** The message an event queues or sends, and its status after it; undefined for events about no message. */
function messageChange(event: AccountEvent): [string, MessageStatus] | undefined {
  switch (event.type) {
    case 'VerificationMessageQueued':
    case 'WithdrawalMessageQueued':
      return [messageKey(event.payload.accountNumber, event.payload.messageId), 'queued'];
    case 'MessageSent':
      return [messageKey(event.payload.accountNumber, event.payload.messageId), 'sent'];
    default:
      return undefined;
  }
}

const RELEASED: EmailState = Object.freeze({});

function evolveEmail(event: EmailEvent): EmailState {
  switch (event.type) {
    case 'EmailReserved':
      return { holder: event.payload.accountNumber };
    case 'EmailReleased':
      return RELEASED;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Where recording an event reads and writes the decision state: its persistent maps, or a page's drafts of them. */
export interface DecisionWriter {
  account(accountNumber: string): AccountState | undefined;
  setAccount(accountNumber: string, account: AccountState): void;
  setEmail(key: string, email: EmailState): void;
  setMessage(key: string, status: MessageStatus): void;
}

/** Writes what `event` changes in the decision state. */
export function record(to: DecisionWriter, event: LedgerEvent): void {
  if (event.type === 'EmailReserved' || event.type === 'EmailReleased') return to.setEmail(emailKey(event.payload.email), evolveEmail(event));
  const number = event.payload.accountNumber;
  const account = evolveAccount(to.account(number), event);
  if (!account) return;
  to.setAccount(number, account);
  const message = messageChange(event);
  if (message) to.setMessage(...message);
}

/** The state after `event`; whatever else `state` carries (the memory image adds stream versions) is kept. */
export function evolve<S extends DecisionState>(state: S, event: LedgerEvent): S {
  let next = state;
  record(
    {
      account: (number) => mapGet(next.accounts, number),
      setAccount: (number, account) => (next = { ...next, accounts: mapSet(next.accounts, number, account) }),
      setEmail: (key, email) => (next = { ...next, emails: mapSet(next.emails, key, email) }),
      setMessage: (key, status) => (next = { ...next, messages: mapSet(next.messages, key, status) }),
    },
    event,
  );
  return next;
}

/** Whether this domain knows the event's type; others (an imported log may carry some) are passed over. */
export function isLedgerEvent(event: { type: string }): event is LedgerEvent {
  return isAccountEvent(event) || isEmailEvent(event);
}

/** Folds stored events into a decision state, passing over types this domain does not know. */
export function foldEvents(events: Iterable<{ type: string; payload?: unknown }>, from: DecisionState = initialState()): DecisionState {
  let state = from;
  for (const event of events) if (isLedgerEvent(event)) state = evolve(state, event);
  return state;
}
