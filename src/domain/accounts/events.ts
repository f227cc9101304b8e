import type { EventMeta } from '../../eventstore/index.ts';

/**
 * The accounts domain's event catalogue (docs/events.md explains each one).
 * Every event is Flux-Standard-Action shaped; payloads are plain JSON and carry
 * the account number even though the stream names it, so each event reads on
 * its own. Amounts are integer cents. Optional fields are left out, never null.
 */

// --- on the account's stream, `account-<16 digits>` ---
export type AccountOpened = {
  type: 'AccountOpened';
  payload: { accountNumber: string; owner: string; email: string };
};
/** Schema 2 (src/domain/schema/upcasters.ts): money movements carry a category; schema 1 had none. */
export type FundsAdded = { type: 'FundsAdded'; payload: { accountNumber: string; amount: number; category: string; note?: string } };
export type FundsWithdrawn = {
  type: 'FundsWithdrawn';
  payload: { accountNumber: string; amount: number; category: string; note?: string };
};
/** Both halves of a transfer carry the same category. */
export type TransferSent = {
  type: 'TransferSent';
  payload: { accountNumber: string; transferId: string; to: string; amount: number; category: string; note?: string };
};
export type TransferReceived = {
  type: 'TransferReceived';
  payload: { accountNumber: string; transferId: string; from: string; amount: number; category: string; note?: string };
};
export type AccountVerified = { type: 'AccountVerified'; payload: { accountNumber: string } };
export type AccountClosed = { type: 'AccountClosed'; payload: { accountNumber: string } };

/** What every queued message carries: enough to show it and to send it by hand. */
export type MessageFields = {
  accountNumber: string;
  messageId: string;
  /** The recipient's e-mail address. */
  to: string;
  /** The recipient's name (the account's owner). */
  recipient: string;
  subject: string;
  body: string;
};
/** Recorded by the verification mailer; holds the code VerifyAccount is checked against. */
export type VerificationMessageQueued = {
  type: 'VerificationMessageQueued';
  payload: MessageFields & { code: string; link: string };
};
/** Recorded by the withdrawal notifier. */
export type WithdrawalMessageQueued = {
  type: 'WithdrawalMessageQueued';
  payload: MessageFields & { amount: number };
};
/** A person sent a queued message (mailto:, share sheet) and marked it so. */
export type MessageSent = { type: 'MessageSent'; payload: { accountNumber: string; messageId: string } };

// --- on the e-mail's reservation stream, `email-<hash of the lower-cased address>` ---
/** The address is held by an open account; appended with the account's opening. */
export type EmailReserved = { type: 'EmailReserved'; payload: { email: string; accountNumber: string } };
/** The account holding the address closed; the address is free again. */
export type EmailReleased = { type: 'EmailReleased'; payload: { email: string; accountNumber: string } };

export type AccountEvent =
  | AccountOpened
  | FundsAdded
  | FundsWithdrawn
  | TransferSent
  | TransferReceived
  | AccountVerified
  | AccountClosed
  | VerificationMessageQueued
  | WithdrawalMessageQueued
  | MessageSent;
export type EmailEvent = EmailReserved | EmailReleased;
export type LedgerEvent = AccountEvent | EmailEvent;
export type LedgerEventType = LedgerEvent['type'];

/** A ledger event as the store keeps it. */
export type Stored<E extends LedgerEvent = LedgerEvent> = E & { meta: EventMeta };

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'AccountOpened',
  'FundsAdded',
  'FundsWithdrawn',
  'TransferSent',
  'TransferReceived',
  'AccountVerified',
  'AccountClosed',
  'VerificationMessageQueued',
  'WithdrawalMessageQueued',
  'MessageSent',
];
export const EMAIL_EVENT_TYPES: readonly EmailEvent['type'][] = ['EmailReserved', 'EmailReleased'];
export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = [...ACCOUNT_EVENT_TYPES, ...EMAIL_EVENT_TYPES];

const accountTypes = new Set<string>(ACCOUNT_EVENT_TYPES);
const emailTypes = new Set<string>(EMAIL_EVENT_TYPES);

export function isAccountEvent(event: { type: string }): event is AccountEvent {
  return accountTypes.has(event.type);
}
export function isEmailEvent(event: { type: string }): event is EmailEvent {
  return emailTypes.has(event.type);
}
