/**
 * Every way a command can be refused. Codes are stable: the UI and tests match
 * on them, so rename one only together with everything that reads it.
 */
export type DomainErrorCode =
  // The command itself is malformed (shape and field checks, before any state is read).
  | 'INVALID_COMMAND'
  | 'UNKNOWN_COMMAND'
  | 'INVALID_OWNER'
  | 'INVALID_EMAIL'
  | 'INVALID_AMOUNT'
  | 'INVALID_ACCOUNT_NUMBER'
  | 'INVALID_NOTE'
  | 'INVALID_CATEGORY'
  | 'INVALID_CODE'
  | 'INVALID_MESSAGE_ID'
  // The command makes no sense against the current state.
  | 'EMAIL_TAKEN'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_CLOSED'
  | 'NOT_VERIFIED'
  | 'INSUFFICIENT_FUNDS'
  | 'BALANCE_TOO_LARGE'
  | 'SAME_ACCOUNT'
  | 'WRONG_CODE'
  | 'NO_CODE_YET'
  | 'ALREADY_VERIFIED'
  | 'NONZERO_BALANCE'
  | 'MESSAGE_NOT_FOUND'
  | 'ALREADY_SENT'
  // The account has changes recorded by a newer version of Rewind, which this version cannot read.
  | 'NEEDS_NEWER_VERSION'
  // Other writers kept changing the same accounts; retries ran out.
  | 'CONFLICT';

/**
 * The facts behind a refusal, free of language and locale, so a screen can say it in the person's own words
 * and number format. Amounts are integer cents.
 */
export interface DomainErrorDetails {
  /** The account the refusal is about (for EMAIL_TAKEN, the open account holding the address). */
  accountNumber?: string;
  /** `receiving` when that account is the one a transfer would pay into. */
  role?: 'receiving';
  /** The account's balance when the refusal depends on it. */
  balance?: number;
  /** The amount the command asked to move. */
  amount?: number;
  /** The most the command could have moved instead. */
  limit?: number;
  email?: string;
  messageId?: string;
}

/**
 * A refused command: nothing was written. `field` names the command field at fault, for forms; `message` is
 * plain English for tests and tools, and `details` carries the facts a screen words for a person.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
