import type { StoredEvent } from '../../eventstore/index.ts';
import type { Projection } from '../../replay/projection.ts';
import { verificationLink, verificationText, withdrawalNoteIn, withdrawalText } from '../accounts/messages.ts';
import { asAccountEvent } from './ledgerEvent.ts';
import { emptyMap, MapDraft, mapGet, mapSet, type PersistentMap } from '../structures/persistentMap.ts';
import { emptyVector, VectorDraft, vectorGet, vectorPush, vectorSet, type PersistentVector } from '../structures/persistentVector.ts';
import { readerVersion } from '../schema/eventSchema.ts';

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
  /** 'done': a verification message whose account was verified while it waited, so it need not be sent. */
  status: 'queued' | 'sent' | 'done';
  queuedAt: string;
  sentAt?: string;
  /** When the account was verified, for a message that was then done. */
  doneAt?: string;
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
  doneAt?: string,
];

export type OutboxState = {
  messages: PersistentVector<MessageRow>;
  /** Position in `messages` by `<account number>/<message id>`. */
  positions: PersistentMap<number>;
  /** Positions of each account's verification messages, which its verification makes done. */
  verifications: PersistentMap<number[]>;
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

function doneRow(row: MessageRow, at: string): MessageRow {
  const done = row.slice() as MessageRow;
  done[10] = at;
  return done;
}

const waiting = (row: MessageRow) => row[8] === null && row[10] === undefined;
const statusOf = (row: MessageRow): OutboxMessage['status'] => (row[8] !== null ? 'sent' : row[10] === undefined ? 'queued' : 'done');

/** An event as the outbox takes it: a message queued or sent, or an account verified. */
type Change =
  | { kind: 'queued'; key: string; row: MessageRow; account?: string }
  | { kind: 'sent'; key: string; at: string }
  | { kind: 'verified'; account: string; at: string };

function changeOf(stored: StoredEvent): Change | undefined {
  const event = asAccountEvent(stored);
  switch (event?.type) {
    case 'VerificationMessageQueued':
    case 'WithdrawalMessageQueued': {
      const { accountNumber, messageId } = event.payload;
      const account = event.type === 'VerificationMessageQueued' ? accountNumber : undefined;
      return { kind: 'queued', key: keyOf(accountNumber, messageId), row: queuedRow(event), account };
    }
    case 'MessageSent':
      return { kind: 'sent', key: keyOf(event.payload.accountNumber, event.payload.messageId), at: event.meta.at };
    case 'AccountVerified':
      return { kind: 'verified', account: event.payload.accountNumber, at: event.meta.at };
    default:
      return undefined;
  }
}

/** The event types the outbox changes on: a what-if branch holding one of them replays it. */
export const OUTBOX_EVENT_TYPES: ReadonlySet<string> = new Set(['VerificationMessageQueued', 'WithdrawalMessageQueued', 'MessageSent', 'AccountVerified']);

/** The message a row keeps, its text rebuilt. */
function messageOf(row: MessageRow): OutboxMessage {
  const [kind, accountNumber, messageId, to, recipient, detail, queuedAt, eventId, sentAt, words, doneAt] = row;
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
    status: statusOf(row),
    queuedAt,
    eventId,
  };
  if (kind === VERIFICATION) message.code = detail as string;
  else message.amount = detail as number;
  if (sentAt !== null) message.sentAt = sentAt;
  if (doneAt !== undefined) message.doneAt = doneAt;
  return message;
}

/** What a fold of the outbox reads and writes: persistent structures for one event, drafts for a batch. */
interface Parts {
  readonly size: number;
  row(position: number): MessageRow | undefined;
  setRow(position: number, row: MessageRow): void;
  push(row: MessageRow): void;
  position(key: string): number | undefined;
  setPosition(key: string, position: number): void;
  verifications(account: string): number[] | undefined;
  setVerifications(account: string, positions: number[]): void;
}

type Counts = { queued: number; sent: number };

function step(parts: Parts, counts: Counts, change: Change): void {
  switch (change.kind) {
    case 'queued': {
      if (parts.position(change.key) !== undefined) return;
      const position = parts.size;
      parts.setPosition(change.key, position);
      parts.push(change.row);
      if (change.account) parts.setVerifications(change.account, [...(parts.verifications(change.account) ?? []), position]);
      counts.queued += 1;
      return;
    }
    case 'sent': {
      const position = parts.position(change.key);
      const row = position === undefined ? undefined : parts.row(position);
      if (position === undefined || !row || row[8] !== null) return;
      // A done message is not counted as queued, so marking it sent leaves the count alone.
      if (row[10] === undefined) counts.queued -= 1;
      parts.setRow(position, sentRow(row, change.at));
      counts.sent += 1;
      return;
    }
    case 'verified':
      for (const position of parts.verifications(change.account) ?? []) {
        const row = parts.row(position)!;
        if (!waiting(row)) continue;
        parts.setRow(position, doneRow(row, change.at));
        counts.queued -= 1;
      }
  }
}

export const outboxProjection: Projection<OutboxState> = {
  name: 'outbox',
  // 3: an account's verification makes its waiting verification messages done.
  version: readerVersion(3),
  initial: { messages: emptyVector(), positions: emptyMap(), verifications: emptyMap(), queued: 0, sent: 0 },
  apply(state, stored) {
    const change = changeOf(stored);
    if (!change) return state;
    let { messages, positions, verifications } = state;
    const counts = { queued: state.queued, sent: state.sent };
    step(
      {
        get size() {
          return messages.size;
        },
        row: (position) => vectorGet(messages, position),
        setRow: (position, row) => (messages = vectorSet(messages, position, row)),
        push: (row) => (messages = vectorPush(messages, row)),
        position: (key) => mapGet(positions, key),
        setPosition: (key, position) => (positions = mapSet(positions, key, position)),
        verifications: (account) => mapGet(verifications, account),
        setVerifications: (account, list) => (verifications = mapSet(verifications, account, list)),
      },
      counts,
      change,
    );
    if (messages === state.messages && positions === state.positions && verifications === state.verifications) return state;
    return { messages, positions, verifications, ...counts };
  },
  applyMany(state, events) {
    const messages = new VectorDraft(state.messages);
    const positions = new MapDraft(state.positions);
    const verifications = new MapDraft(state.verifications);
    const counts = { queued: state.queued, sent: state.sent };
    const parts: Parts = {
      get size() {
        return messages.size;
      },
      row: (position) => messages.get(position),
      setRow: (position, row) => messages.set(position, row),
      push: (row) => messages.push(row),
      position: (key) => positions.get(key),
      setPosition: (key, position) => positions.set(key, position),
      verifications: (account) => verifications.get(account),
      setVerifications: (account, list) => verifications.set(account, list),
    };
    for (const stored of events) {
      const change = changeOf(stored);
      if (change) step(parts, counts, change);
    }
    const next = { messages: messages.done(), positions: positions.done(), verifications: verifications.done() };
    if (next.messages === state.messages && next.positions === state.positions && next.verifications === state.verifications) return state;
    return { ...next, ...counts };
  },
};

/** Messages newest first, optionally of one status only; reads (and writes out texts) only as far as `limit` needs. */
export function listMessages(
  state: OutboxState,
  { status, offset = 0, limit = Infinity }: { status?: OutboxMessage['status']; offset?: number; limit?: number } = {},
): OutboxMessage[] {
  const shown: OutboxMessage[] = [];
  let skipped = 0;
  for (let i = state.messages.size - 1; i >= 0 && shown.length < limit; i--) {
    const row = vectorGet(state.messages, i)!;
    if (status && statusOf(row) !== status) continue;
    if (skipped < offset) skipped++;
    else shown.push(messageOf(row));
  }
  return shown;
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
