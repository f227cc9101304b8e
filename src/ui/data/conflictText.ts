import { accountNumberOfStream, emailStream, type AccountSummary } from '../../domain/index.ts';
import type { MergeConflictError } from '../../app/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { formatCount, formatCountOf } from '../components/formatCount.ts';

type Conflict = MergeConflictError['conflicts'][number];

/** Whom a conflict is about: an account, an e-mail address and its account, or (a foreign log's) stream by name. */
export type ConflictSubject =
  | { kind: 'account'; accountNumber: string; owner?: string }
  | { kind: 'email'; email?: string; accountNumber?: string; owner?: string }
  | { kind: 'other'; stream: string };

/** Looks up the accounts and addresses of this ledger a conflict's stream belongs to. */
export function conflictSubject(stream: string, accounts: readonly AccountSummary[]): ConflictSubject {
  const number = accountNumberOfStream(stream);
  if (number !== undefined) return { kind: 'account', accountNumber: number, owner: accounts.find((a) => a.accountNumber === number)?.owner };
  if (!stream.startsWith('email-')) return { kind: 'other', stream };
  // Address streams are named by a hash of the address: find the account whose address hashes to it.
  const holder = accounts.find((a) => emailStream(a.email) === stream);
  return holder ? { kind: 'email', email: holder.email, accountNumber: holder.accountNumber, owner: holder.owner } : { kind: 'email' };
}

function whose(subject: ConflictSubject): string {
  switch (subject.kind) {
    case 'account':
      return subject.owner
        ? `${subject.owner}’s account ${formatAccountNumber(subject.accountNumber)}`
        : `Account ${formatAccountNumber(subject.accountNumber)}`;
    case 'email':
      if (subject.email === undefined) return 'An e-mail address';
      return subject.owner ? `${subject.owner}’s e-mail address ${subject.email}` : `The e-mail address ${subject.email}`;
    case 'other':
      return `The stream ${subject.stream}`;
  }
}

/** One conflict as a sentence: whose it is, what both logs did, and where the file's side starts. */
export function conflictText(conflict: Conflict, subject: ConflictSubject, locale?: string): string {
  const what =
    subject.kind === 'email'
      ? 'this log and the file gave it to different accounts after their common past'
      : 'this log and the file both changed it after their common past';
  const counts = `this log has ${formatCountOf(conflict.localVersion, 'event', 'events', locale)} there, the file ${formatCount(conflict.incomingVersion, locale)}`;
  return `${whose(subject)}: ${what} (${counts}; the file’s first new one is on line ${formatCount(conflict.incomingLine, locale)}).`;
}

/** The conflict as a whole, for the import's problem line: how many accounts or addresses, never stream names. */
export function conflictSummary(conflict: MergeConflictError, locale?: string): string {
  const n = conflict.conflicts.length;
  return (
    `Both this log and the file changed ${n === 1 ? 'an account or address' : `${formatCount(n, locale)} accounts or addresses`} after their ` +
    'common past, so they cannot be merged. Nothing was imported; you can open the file’s events as a what-if branch instead.'
  );
}
