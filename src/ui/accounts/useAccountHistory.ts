import { useEffect, useMemo, useState } from 'react';
import type { AccountSummary, HistoryEntry } from '../../domain/index.ts';
import type { HistoryCursor, HistoryOrigin } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { historyOrigin, sameOrigin, useHistoryBranch } from '../ledger/historyOrigin.ts';

interface Loaded {
  origin: HistoryOrigin;
  category: string | undefined;
  entries: HistoryEntry[];
  next?: HistoryCursor;
  error?: string;
}

export interface AccountHistoryView {
  /** Newest first; the last lines read stay on screen while newer ones load. */
  entries: HistoryEntry[];
  /** Nothing read yet for this account. */
  loading: boolean;
  /** Older lines can be shown. */
  more: boolean;
  showMore(): void;
  error?: string;
}

/**
 * An account's history at the point the screens show, read from its stream a
 * batch at a time. When the account changes (a new event, another point in
 * time, a branch), the lines shown so far are read again from the new point.
 * With a `category`, only its movements are read, a full batch of them at a
 * time however many other lines lie between.
 */
export function useAccountHistory(account: AccountSummary, category?: string, batchSize = 20): AccountHistoryView {
  const { queries } = useLedger();
  const branch = useHistoryBranch();
  const { accountNumber, balance, version } = account;
  // Keyed by what the lines depend on, so other changes to the account's row cause no read.
  const origin = useMemo(
    () => historyOrigin({ accountNumber, balance, version }, branch),
    [accountNumber, balance, version, branch],
  );
  const [wanted, setWanted] = useState(batchSize);
  const [loaded, setLoaded] = useState<Loaded>();

  useEffect(() => {
    const current = loaded && sameOrigin(loaded.origin, origin) && loaded.category === category ? loaded : undefined;
    if (current && (current.error || !current.next || current.entries.length >= wanted)) return;
    let cancelled = false;
    const failed = (error: unknown) => {
      if (!cancelled) setLoaded({ origin, category, entries: current?.entries ?? [], error: error instanceof Error ? error.message : String(error) });
    };
    const fresh = () => {
      const after = current?.next;
      return queries.accountHistory(origin, { after, limit: wanted - (current?.entries.length ?? 0), category }).then((batch) => {
        if (!cancelled) setLoaded({ origin, category, entries: [...(current?.entries ?? []), ...batch.entries], next: batch.next });
      });
    };
    // The account moved on a little (a command, a step forward in time): only the lines it gained are read, and put
    // on top. A long way on (back to now from long ago), the newest batch is read instead.
    const near = loaded !== undefined && origin.version - loaded.origin.version <= batchSize;
    const earlier = !current && near && !loaded.error && loaded.category === category ? loaded : undefined;
    const reading = earlier
      ? queries.newerHistory(origin, earlier.origin, category).then((newer) => {
          if (cancelled) return;
          if (newer) setLoaded({ origin, category, entries: [...newer, ...earlier.entries], next: earlier.next });
          else return fresh();
        })
      : fresh();
    reading.catch(failed);
    return () => {
      cancelled = true;
    };
  }, [queries, origin, category, wanted, loaded, batchSize]);

  // Lines of another category are not shown while the chosen one's are read.
  const shown = loaded?.category === category ? loaded : undefined;
  return {
    entries: shown?.entries ?? [],
    loading: shown === undefined,
    more: shown?.next !== undefined,
    showMore: () => setWanted((shown?.entries.length ?? 0) + batchSize),
    error: shown?.error,
  };
}
