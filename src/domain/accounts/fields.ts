import { DomainError } from '../errors.ts';
import { MAX_CATEGORY_CHARS, canonicalCategory } from './categories.ts';
import { MAX_AMOUNT, formatCents } from './money.ts';

/**
 * Field checks shared by command parsing and event payload checks. Each returns
 * the clean value or throws a DomainError naming the field in plain words.
 */

export const MAX_OWNER_CHARS = 100;
export const MAX_EMAIL_CHARS = 254;
export const MAX_NOTE_CHARS = 500;
export const MAX_MESSAGE_ID_CHARS = 100;

// Control characters would break single-line display and the mailto: links built from these fields.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const ACCOUNT_NUMBER = /^[1-9]\d{15}$/;
const CODE = /^\d{6}$/;

function chars(text: string): number {
  return [...text].length;
}

function text(value: unknown, field: string, what: string, max: number, code: 'INVALID_OWNER' | 'INVALID_NOTE' | 'INVALID_CATEGORY'): string {
  if (typeof value !== 'string') throw new DomainError(code, `The ${what} must be text.`, field);
  const trimmed = value.trim();
  if (CONTROL.test(trimmed)) throw new DomainError(code, `The ${what} must be a single line of text.`, field);
  if (chars(trimmed) > max) throw new DomainError(code, `The ${what} can be at most ${max} characters long.`, field, { limit: max });
  return trimmed;
}

export function requireOwner(value: unknown, field = 'owner'): string {
  const owner = text(value, field, "owner's name", MAX_OWNER_CHARS, 'INVALID_OWNER');
  if (owner.length === 0) throw new DomainError('INVALID_OWNER', "The owner's name is required.", field);
  return owner;
}

export function requireEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw new DomainError('INVALID_EMAIL', 'The e-mail address must be text.', field);
  const email = value.trim();
  if (email.length === 0) throw new DomainError('INVALID_EMAIL', 'The e-mail address is required.', field);
  if (email.length > MAX_EMAIL_CHARS)
    throw new DomainError('INVALID_EMAIL', `The e-mail address can be at most ${MAX_EMAIL_CHARS} characters long.`, field);
  if (!EMAIL.test(email) || CONTROL.test(email))
    throw new DomainError('INVALID_EMAIL', `"${email}" is not a valid e-mail address, such as name@example.org.`, field);
  return email;
}

/** Whole cents: a positive safe integer up to MAX_AMOUNT. Strings, fractions, NaN, 0 and negatives are refused. */
export function requireAmount(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new DomainError('INVALID_AMOUNT', 'The amount must be a number of cents.', field);
  if (!Number.isInteger(value))
    throw new DomainError('INVALID_AMOUNT', 'The amount must be a whole number of cents.', field);
  if (value <= 0) throw new DomainError('INVALID_AMOUNT', 'The amount must be more than zero.', field);
  if (value > MAX_AMOUNT)
    throw new DomainError('INVALID_AMOUNT', `The most one amount can be is ${formatCents(MAX_AMOUNT)}.`, field, {
      amount: value,
      limit: MAX_AMOUNT,
    });
  return value;
}

/** Sixteen digits, first not 0. Spaces and hyphens people type between groups are dropped. */
export function requireAccountNumber(value: unknown, field = 'account'): string {
  if (typeof value !== 'string')
    throw new DomainError('INVALID_ACCOUNT_NUMBER', 'The account number must be given as text.', field);
  const digits = value.length <= 40 ? value.replace(/[\s-]/g, '') : value;
  if (!ACCOUNT_NUMBER.test(digits))
    throw new DomainError('INVALID_ACCOUNT_NUMBER', 'An account number has 16 digits and does not start with 0.', field);
  return digits;
}

/** An optional note; blank means none. */
export function optionalNote(value: unknown, field = 'note'): string | undefined {
  if (value === undefined || value === null) return undefined;
  const note = text(value, field, 'note', MAX_NOTE_CHARS, 'INVALID_NOTE');
  return note.length === 0 ? undefined : note;
}

/** A category: a preset in any letter case (kept in the preset's spelling) or a name of up to MAX_CATEGORY_CHARS characters. */
export function requireCategory(value: unknown, field = 'category'): string {
  const category = text(value, field, 'category', MAX_CATEGORY_CHARS, 'INVALID_CATEGORY');
  if (category.length === 0) throw new DomainError('INVALID_CATEGORY', 'The category needs a name.', field);
  return canonicalCategory(category);
}

export function requireCode(value: unknown, field = 'code'): string {
  const code = typeof value === 'string' ? value.trim() : value;
  if (typeof code !== 'string' || !CODE.test(code))
    throw new DomainError('INVALID_CODE', 'A verification code has 6 digits.', field);
  return code;
}

export function requireMessageId(value: unknown, field = 'messageId'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_MESSAGE_ID_CHARS || CONTROL.test(value))
    throw new DomainError('INVALID_MESSAGE_ID', 'That is not the id of a message in the outbox.', field);
  return value;
}
