import { DomainError } from '../errors.ts';
import { isAccountEvent, isEmailEvent } from './events.ts';
import {
  optionalNote,
  requireCategory,
  requireAccountNumber,
  requireAmount,
  requireCode,
  requireEmail,
  requireMessageId,
  requireOwner,
} from './fields.ts';

type Check = (value: unknown, field: string) => unknown;

const MAX_TEXT_CHARS = 5000;
const id: Check = (value, field) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 100)
    throw new DomainError('INVALID_COMMAND', `${field} must be an id of 1 to 100 characters.`);
  return value;
};
const text: Check = (value, field) => {
  if (typeof value !== 'string' || value.length > MAX_TEXT_CHARS)
    throw new DomainError('INVALID_COMMAND', `${field} must be text of at most ${MAX_TEXT_CHARS} characters.`);
  return value;
};
const note: Check = (value, field) => (value === undefined ? undefined : optionalNote(value, field));
const account: Check = (value, field) => {
  if (requireAccountNumber(value, field) !== value)
    throw new DomainError('INVALID_ACCOUNT_NUMBER', `${field} must be 16 digits.`);
  return value;
};

/** As a command would have written it: trimmed, and a preset in the preset's spelling. */
const category: Check = (value, field) => {
  if (requireCategory(value, field) !== value)
    throw new DomainError('INVALID_CATEGORY', `${field} must be written as a command writes it, trimmed and with presets in their own spelling.`);
  return value;
};

const message = {
  accountNumber: account,
  messageId: requireMessageId,
  to: requireEmail,
  recipient: requireOwner,
  subject: text,
  body: text,
};

const SHAPES: Record<string, Record<string, Check>> = {
  AccountOpened: { accountNumber: account, owner: requireOwner, email: requireEmail },
  FundsAdded: { accountNumber: account, amount: requireAmount, category, note },
  FundsWithdrawn: { accountNumber: account, amount: requireAmount, category, note },
  TransferSent: { accountNumber: account, transferId: id, to: account, amount: requireAmount, category, note },
  TransferReceived: { accountNumber: account, transferId: id, from: account, amount: requireAmount, category, note },
  AccountVerified: { accountNumber: account },
  AccountClosed: { accountNumber: account },
  VerificationMessageQueued: { ...message, code: requireCode, link: text },
  WithdrawalMessageQueued: { ...message, amount: requireAmount },
  MessageSent: { accountNumber: account, messageId: requireMessageId },
  EmailReserved: { email: requireEmail, accountNumber: account },
  EmailReleased: { email: requireEmail, accountNumber: account },
};

/**
 * Why the payload of a ledger event (in its current schema) is not one this domain writes, or undefined
 * when it is (or when the type is not a ledger type at all). For imports of logs
 * from elsewhere: read models trust the log, so check what enters it.
 */
export function ledgerPayloadProblem(event: { type: string; payload?: unknown }): string | undefined {
  if (!isAccountEvent(event) && !isEmailEvent(event)) return undefined;
  const shape = SHAPES[event.type]!;
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return `${event.type} needs an object payload.`;
  const fields = payload as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!Object.hasOwn(shape, key)) return `${event.type} has no field "${key.slice(0, 50)}".`;
  try {
    for (const [field, check] of Object.entries(shape)) {
      if (fields[field] === undefined && check !== note) return `${event.type} needs "${field}".`;
      check(fields[field], `payload.${field}`);
    }
  } catch (error) {
    if (error instanceof DomainError) return `${event.type}: ${error.message}`;
    throw error;
  }
  return undefined;
}
