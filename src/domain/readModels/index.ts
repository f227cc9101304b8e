import type { AnyProjection } from '../../replay/projection.ts';
import { accountsProjection } from './accounts.ts';
import { decisionsProjection } from './decisions.ts';
import { outboxProjection } from './outbox.ts';
import { reportsProjection } from './reports.ts';
import { spendingProjection } from './spending.ts';
import { totalsProjection } from './totals.ts';
import { whatIfGuardProjection } from '../whatif/whatIfGuard.ts';

/**
 * Every read model of the ledger, for the memory image, time travel and what-if.
 * Account histories are not among them: they are read from the account streams
 * a batch at a time (src/app/queries/accountHistory.ts), so the image does not grow with the log.
 */
export const ledgerProjections: readonly AnyProjection[] = [
  accountsProjection,
  reportsProjection,
  spendingProjection,
  outboxProjection,
  totalsProjection,
  decisionsProjection,
  whatIfGuardProjection,
];
