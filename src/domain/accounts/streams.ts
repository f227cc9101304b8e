import { derivedId } from '../ids.ts';

const ACCOUNT_PREFIX = 'account-';

/** An account's stream: everything that happened to that account. */
export function accountStream(accountNumber: string): string {
  return `${ACCOUNT_PREFIX}${accountNumber}`;
}

/** Whether `stream` is the stream of this account; cheaper than comparing with accountStream(), which builds a string, once per event in a fold. */
export function isStreamOfAccount(stream: string, accountNumber: string): boolean {
  return stream.length === ACCOUNT_PREFIX.length + accountNumber.length && stream.endsWith(accountNumber) && stream.startsWith(ACCOUNT_PREFIX);
}

/**
 * The N of a stream named `account-N`: the account whose stream it is, or
 * undefined for any other stream. Any N, as an account row found under it
 * counts the stream's events whatever the number's form.
 */
export function accountNumberOfStream(stream: string): string | undefined {
  return stream.startsWith(ACCOUNT_PREFIX) ? stream.slice(ACCOUNT_PREFIX.length) : undefined;
}

/** Addresses compare case-insensitively: `Ana@Example.org` and `ana@example.org` are one address. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The reservation stream of an address. Hashed so any address fits the store's
 * stream-name limit and the address itself stays out of stream names.
 */
export function emailStream(email: string): string {
  return `email-${derivedId('email', emailKey(email))}`;
}
