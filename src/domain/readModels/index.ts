import type { AnyProjection } from '../../replay/projection.ts';
import { accountsProjection } from './accounts.ts';
import { historyProjection } from './history.ts';
import { outboxProjection } from './outbox.ts';
import { reportsProjection } from './reports.ts';
import { totalsProjection } from './totals.ts';

/** Every read model of the ledger, for the memory image, time travel and what-if. */
export const ledgerProjections: readonly AnyProjection[] = [
  accountsProjection,
  historyProjection,
  reportsProjection,
  outboxProjection,
  totalsProjection,
];
