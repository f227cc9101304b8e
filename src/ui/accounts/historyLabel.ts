import type { HistoryKind } from '../../domain/index.ts';

/** What a history line was, in words. */
export const HISTORY_LABELS: Record<HistoryKind, string> = {
  opened: 'Account opened',
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  'transfer-out': 'Transfer to',
  'transfer-in': 'Transfer from',
  verified: 'Verified',
  closed: 'Closed',
};
