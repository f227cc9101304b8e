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
  messages: Readonly<Record<string, 'queued' | 'sent'>>;
};

/** Who holds an address: the account number of the open account using it, if any. */
export type EmailState = { holder?: string };

/**
 * The decision state: the accounts and addresses a command reads, keyed by
 * account number and by lower-cased address. The command handler folds only the
 * streams a command touches; a what-if branch may fold the whole log.
 */
export type DecisionState = {
  accounts: Readonly<Record<string, AccountState>>;
  emails: Readonly<Record<string, EmailState>>;
};

export function initialState(): DecisionState {
  return { accounts: {}, emails: {} };
}

function evolveAccount(account: AccountState | undefined, event: AccountEvent): AccountState | undefined {
  if (event.type === 'AccountOpened') {
    const { accountNumber, owner, email } = event.payload;
    return { accountNumber, owner, email, status: 'open', verified: false, balance: 0, messages: {} };
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
      return {
        ...account,
        verificationCode: event.payload.code,
        messages: { ...account.messages, [event.payload.messageId]: 'queued' },
      };
    case 'WithdrawalMessageQueued':
      return { ...account, messages: { ...account.messages, [event.payload.messageId]: 'queued' } };
    case 'MessageSent':
      return { ...account, messages: { ...account.messages, [event.payload.messageId]: 'sent' } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function evolveEmail(_email: EmailState | undefined, event: EmailEvent): EmailState {
  switch (event.type) {
    case 'EmailReserved':
      return { holder: event.payload.accountNumber };
    case 'EmailReleased':
      return {};
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function evolve(state: DecisionState, event: LedgerEvent): DecisionState {
  if (event.type === 'EmailReserved' || event.type === 'EmailReleased') {
    const key = emailKey(event.payload.email);
    return { ...state, emails: { ...state.emails, [key]: evolveEmail(state.emails[key], event) } };
  }
  const number = event.payload.accountNumber;
  const account = evolveAccount(state.accounts[number], event);
  if (!account) return state;
  return { ...state, accounts: { ...state.accounts, [number]: account } };
}

/** Folds stored events into a decision state, passing over types this domain does not know. */
export function foldEvents(events: Iterable<{ type: string; payload?: unknown }>, from: DecisionState = initialState()): DecisionState {
  let state = from;
  for (const event of events) {
    if (isAccountEvent(event) || isEmailEvent(event)) state = evolve(state, event as LedgerEvent);
  }
  return state;
}
