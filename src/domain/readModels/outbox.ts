import type { Projection } from '../../replay/projection.ts';
import { verificationLink } from '../accounts/messages.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, mapGet, mapSet, type PersistentMap } from './persistentMap.ts';
import { emptyVector, vectorGet, vectorPush, vectorSet, type PersistentVector } from './persistentVector.ts';

export type OutboxMessage = {
  messageId: string;
  kind: 'verification' | 'withdrawal';
  accountNumber: string;
  to: string;
  recipient: string;
  subject: string;
  body: string;
  /** Verification messages only. */
  code?: string;
  /** Withdrawal messages only, in cents. */
  amount?: number;
  status: 'queued' | 'sent';
  queuedAt: string;
  sentAt?: string;
  /** The id of the event that queued it: the causation of a VerifyAccount dispatched from its link. */
  eventId: string;
};

export type OutboxState = {
  messages: PersistentVector<OutboxMessage>;
  /** Position in `messages` by `<account number>/<message id>`. */
  positions: PersistentMap<number>;
  queued: number;
  sent: number;
};

const keyOf = (accountNumber: string, messageId: string) => `${accountNumber}/${messageId}`;

export const outboxProjection: Projection<OutboxState> = {
  name: 'outbox',
  version: 1,
  initial: { messages: emptyVector(), positions: emptyMap(), queued: 0, sent: 0 },
  apply(state, stored) {
    const event = asAccountEvent(stored);
    if (!event) return state;
    switch (event.type) {
      case 'VerificationMessageQueued':
      case 'WithdrawalMessageQueued': {
        const { accountNumber, messageId, to, recipient, subject, body } = event.payload;
        const key = keyOf(accountNumber, messageId);
        if (mapGet(state.positions, key) !== undefined) return state;
        const message: OutboxMessage = {
          messageId,
          kind: event.type === 'VerificationMessageQueued' ? 'verification' : 'withdrawal',
          accountNumber,
          to,
          recipient,
          subject,
          body,
          status: 'queued',
          queuedAt: event.meta.at,
          eventId: event.meta.id,
        };
        if (event.type === 'VerificationMessageQueued') message.code = event.payload.code;
        else message.amount = event.payload.amount;
        return {
          ...state,
          messages: vectorPush(state.messages, message),
          positions: mapSet(state.positions, key, state.messages.size),
          queued: state.queued + 1,
        };
      }
      case 'MessageSent': {
        const position = mapGet(state.positions, keyOf(event.payload.accountNumber, event.payload.messageId));
        const message = position === undefined ? undefined : vectorGet(state.messages, position);
        if (position === undefined || !message || message.status === 'sent') return state;
        const sent: OutboxMessage = { ...message, status: 'sent', sentAt: event.meta.at };
        return { ...state, messages: vectorSet(state.messages, position, sent), queued: state.queued - 1, sent: state.sent + 1 };
      }
      default:
        return state;
    }
  },
};

/** Messages newest first, optionally only queued or only sent; reads only as far as the page needs. */
export function listMessages(
  state: OutboxState,
  { status, offset = 0, limit = Infinity }: { status?: 'queued' | 'sent'; offset?: number; limit?: number } = {},
): OutboxMessage[] {
  const page: OutboxMessage[] = [];
  let skipped = 0;
  for (let i = state.messages.size - 1; i >= 0 && page.length < limit; i--) {
    const message = vectorGet(state.messages, i)!;
    if (status && message.status !== status) continue;
    if (skipped < offset) skipped++;
    else page.push(message);
  }
  return page;
}

export function getMessage(state: OutboxState, accountNumber: string, messageId: string): OutboxMessage | undefined {
  const position = mapGet(state.positions, keyOf(accountNumber, messageId));
  return position === undefined ? undefined : vectorGet(state.messages, position);
}

/** The in-app link of a verification message, rebuilt from its fields (never taken from stored text). */
export function messageLink(message: OutboxMessage): string | undefined {
  return message.kind === 'verification' && message.code ? verificationLink(message.accountNumber, message.code) : undefined;
}
