import type { HistoryKind } from '../../domain/index.ts';
import { formatCountOf } from '../components/formatCount.ts';

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

/** How many lines the history shows, and of which category when it is narrowed to one. */
export function historyCountText({ count, loading, more, category }: { count: number; loading: boolean; more: boolean; category?: string }): string {
  if (loading) return 'Reading the history…';
  const entries = formatCountOf(count, 'entry', 'entries');
  if (category === undefined) return more ? `Showing the newest ${entries}` : `${entries} in all`;
  if (count === 0) return `No entries in ${category}.`;
  return more ? `Showing the newest ${entries} in ${category}` : `${entries} in ${category}`;
}
