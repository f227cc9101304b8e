import type { LedgerEventType } from '../accounts/events.ts';
import { UNCATEGORIZED } from '../accounts/categories.ts';

/** Lifts a payload from one schema version of its type to the next. Pure and total: any payload of its input version gives one of the next. */
export type Upcaster = (payload: Record<string, unknown>) => Record<string, unknown>;

/** Schema 1 → 2: movements recorded before categories existed are uncategorised. */
const addCategory: Upcaster = (payload) => ({ ...payload, category: UNCATEGORIZED });

/**
 * Every event type's upcasters, oldest first: `UPCASTERS[type][n - 1]` lifts
 * schema n to n + 1, so a type's current schema is one more than its number of
 * upcasters. The only place a schema change is recorded: add an upcaster here,
 * a fixture of the log before it (test/fixtures/schema-<n>/), and nothing stored is ever rewritten
 * (docs/events.md, "Changing an event").
 */
export const UPCASTERS: { readonly [T in LedgerEventType]: readonly Upcaster[] } = {
  AccountOpened: [],
  FundsAdded: [addCategory],
  FundsWithdrawn: [addCategory],
  TransferSent: [addCategory],
  TransferReceived: [addCategory],
  AccountVerified: [],
  AccountClosed: [],
  VerificationMessageQueued: [],
  WithdrawalMessageQueued: [],
  MessageSent: [],
  EmailReserved: [],
  EmailReleased: [],
};
