import type { Projection } from '../../replay/projection.ts';
import { verificationLink, verificationText, withdrawalNoteIn, withdrawalText } from '../accounts/messages.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from './persistentMap.ts';
import { emptyVector, VectorDraft, vectorGet, vectorPush, vectorSet, type PersistentVector } from './persistentVector.ts';

/** A message as the outbox shows it, its text included. */
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

const VERIFICATION = 0;
const WITHDRAWAL = 1;

/**
 * A message as the outbox keeps it: what its text is rebuilt from rather than
 * the text, in a tuple without field names (every snapshot and keyframe carries
 * one per message). `words` is what the text templates cannot supply: a
 * withdrawal's note, or, for a text they did not write (a log from elsewhere),
 * the subject and body themselves; null when the templates rebuild it alone.
 */
type MessageRow = [
  kind: typeof VERIFICATION | typeof WITHDRAWAL,
  accountNumber: string,
  messageId: string,
  to: string,
  recipient: string,
  /** The verification code, or the withdrawal's amount in cents. */
  detail: string | number,
  queuedAt: string,
  eventId: string,
  sentAt: string | null,
  words: string | [subject: string, body: string] | null,
];

export type OutboxState = {
  messages: PersistentVector<MessageRow>;
  /** Position in `messages` by `<account number>/<message id>`. */
  positions: PersistentMap<number>;
  queued: number;
  sent: number;
};

const keyOf = (accountNumber: string, messageId: string) => `${accountNumber}/${messageId}`;

type QueuedEvent = Extract<NonNullable<ReturnType<typeof asAccountEvent>>, { type: 'VerificationMessageQueued' | 'WithdrawalMessageQueued' }>;

function queuedRow(event: QueuedEvent): MessageRow {
  const { accountNumber, messageId, to, recipient, subject, body } = event.payload;
  const { at, id } = event.meta;
  if (event.type === 'VerificationMessageQueued') {
    const { code } = event.payload;
    const text = verificationText(recipient, accountNumber, code);
    const words = text.subject === subject && text.body === body ? null : ([subject, body] as [string, string]);
    return [VERIFICATION, accountNumber, messageId, to, recipient, code, at, id, null, words];
  }
  const { amount } = event.payload;
  const note = withdrawalText(recipient, accountNumber, amount).subject === subject ? withdrawalNoteIn(body, recipient, accountNumber, amount) : undefined;
  const words = note === undefined ? ([subject, body] as [string, string]) : note || null;
  return [WITHDRAWAL, accountNumber, messageId, to, recipient, amount, at, id, null, words];
}

function sentRow(row: MessageRow, at: string): MessageRow {
  const sent = row.slice() as MessageRow;
  sent[8] = at;
  return sent;
}

/** The message a row keeps, its text rebuilt. */
function messageOf([kind, accountNumber, messageId, to, recipient, detail, queuedAt, eventId, sentAt, words]: MessageRow): OutboxMessage {
  const text = Array.isArray(words)
    ? { subject: words[0], body: words[1] }
    : kind === VERIFICATION
      ? verificationText(recipient, accountNumber, detail as string)
      : withdrawalText(recipient, accountNumber, detail as number, words ?? undefined);
  const message: OutboxMessage = {
    messageId,
    kind: kind === VERIFICATION ? 'verification' : 'withdrawal',
    accountNumber,
    to,
    recipient,
    ...text,
    status: sentAt === null ? 'queued' : 'sent',
    queuedAt,
    eventId,
  };
  if (kind === VERIFICATION) message.code = detail as string;
  else message.amount = detail as number;
  if (sentAt !== null) message.sentAt = sentAt;
  return message;
}

export const outboxProjection: Projection<OutboxState> = {
  name: 'outbox',
  // 2: rows of the fields a message is rebuilt from instead of messages with their text.
  version: 2,
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
          messages: vectorPush(state.messages, queuedRow(event)),
          positions: mapSet(state.positions, key, state.messages.size),
          queued: state.queued + 1,
        };
      }
      case 'MessageSent': {
        const position = mapGet(state.positions, keyOf(event.payload.accountNumber, event.payload.messageId));
        const row = position === undefined ? undefined : vectorGet(state.messages, position);
        if (position === undefined || !row || row[8] !== null) return state;
        return { ...state, messages: vectorSet(state.messages, position, sentRow(row, event.meta.at)), queued: state.queued - 1, sent: state.sent + 1 };
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
          messages.push(queuedRow(event));
          queued += 1;
          break;
        }
        case 'MessageSent': {
          const position = positions.get(keyOf(event.payload.accountNumber, event.payload.messageId));
          const row = position === undefined ? undefined : messages.get(position);
          if (position === undefined || !row || row[8] !== null) break;
          messages.set(position, sentRow(row, event.meta.at));
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

/** Messages newest first, optionally only queued or only sent; reads (and writes out texts) only as far as the page needs. */
export function listMessages(
  state: OutboxState,
  { status, offset = 0, limit = Infinity }: { status?: 'queued' | 'sent'; offset?: number; limit?: number } = {},
): OutboxMessage[] {
  const page: OutboxMessage[] = [];
  let skipped = 0;
  for (let i = state.messages.size - 1; i >= 0 && page.length < limit; i--) {
    const row = vectorGet(state.messages, i)!;
    if (status && (row[8] === null ? 'queued' : 'sent') !== status) continue;
    if (skipped < offset) skipped++;
    else page.push(messageOf(row));
  }
  return page;
}

export function getMessage(state: OutboxState, accountNumber: string, messageId: string): OutboxMessage | undefined {
  const position = mapGet(state.positions, keyOf(accountNumber, messageId));
  const row = position === undefined ? undefined : vectorGet(state.messages, position);
  return row && messageOf(row);
}

/** The newest verification message that sent `code` to `accountNumber`, if any: where a verification link came from. */
export function verificationMessage(state: OutboxState, accountNumber: string, code: string): OutboxMessage | undefined {
  for (let i = state.messages.size - 1; i >= 0; i--) {
    const row = vectorGet(state.messages, i)!;
    if (row[0] === VERIFICATION && row[1] === accountNumber && row[5] === code) return messageOf(row);
  }
  return undefined;
}

/** The in-app link of a verification message, rebuilt from its fields (never taken from stored text). */
export function messageLink(message: OutboxMessage): string | undefined {
  return message.kind === 'verification' && message.code ? verificationLink(message.accountNumber, message.code) : undefined;
}
