import type { Projection } from '../../replay/projection.ts';
import { verificationLink } from '../accounts/messages.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from './persistentMap.ts';
import { emptyVector, VectorDraft, vectorGet, vectorPush, vectorSet, type PersistentVector } from './persistentVector.ts';

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

type QueuedEvent = Extract<NonNullable<ReturnType<typeof asAccountEvent>>, { type: 'VerificationMessageQueued' | 'WithdrawalMessageQueued' }>;

function queuedMessage(event: QueuedEvent): OutboxMessage {
  const { accountNumber, messageId, to, recipient, subject, body } = event.payload;
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
  return message;
}

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
        const key = keyOf(event.payload.accountNumber, event.payload.messageId);
        if (mapGet(state.positions, key) !== undefined) return state;
        return {
          ...state,
          messages: vectorPush(state.messages, queuedMessage(event)),
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
  applyMany(state, events) {
    const messages = new VectorDraft(state.messages);
    const positions = new MapDraft(state.positions);
    let { queued, sent } = state;
    for (const stored of events) {
      const event = asAccountEvent(stored);
      switch (event?.type) {
        case 'VerificationMessageQueued':
        case 'WithdrawalMessageQueued': {
          const key = keyOf(event.payload.accountNumber, event.payload.messageId);
          if (positions.get(key) !== undefined) break;
          positions.set(key, messages.size);
          messages.push(queuedMessage(event));
          queued += 1;
          break;
        }
        case 'MessageSent': {
          const position = positions.get(keyOf(event.payload.accountNumber, event.payload.messageId));
          const message = position === undefined ? undefined : messages.get(position);
          if (position === undefined || !message || message.status === 'sent') break;
          messages.set(position, { ...message, status: 'sent', sentAt: event.meta.at });
          queued -= 1;
          sent += 1;
        }
      }
    }
    const next = { messages: messages.done(), positions: positions.done() };
    if (next.messages === state.messages && next.positions === state.positions) return state;
    return { ...state, ...next, queued, sent };
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
