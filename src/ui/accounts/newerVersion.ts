import { formatCountOf } from '../components/formatCount.ts';

/** What the account screen says of an account a newer Rewind changed: what it means here, and what to do. */
export function newerVersionNote(newerEvents: number, locale?: string): string {
  return (
    `This account has ${formatCountOf(newerEvents, 'change', 'changes', locale)} recorded by a newer version of Rewind. ` +
    'Its balance may be out of date here, and it cannot be changed until you update Rewind.'
  );
}

/** Said in place of the actions of such an account. */
export const NEWER_VERSION_ACTIONS = 'Adding funds, withdrawing, transferring, verifying and closing wait for the update.';

/** The mark of such an account in the accounts list. */
export const NEEDS_NEWER = 'Needs a newer Rewind';
