import { useEffect, useRef, useState } from 'react';
import type { AccountSummary, HistoryEntry } from '../../domain/index.ts';
import type { HistoryOrigin } from '../../app/index.ts';
import { historyOrigin, sameOrigin, useHistoryBranch } from '../ledger/historyOrigin.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';

export interface ChartHistories {
  /** The accounts these histories were read for: they lag the screen's while a read is on its way. */
  shown: readonly AccountSummary[];
  histories: ReadonlyMap<string, readonly HistoryEntry[]>;
}

interface Read {
  origin: HistoryOrigin;
  entries: HistoryEntry[];
}

/**
 * The whole histories of the few accounts a chart draws, read from their
 * streams at the point the screens show. Accounts whose balance and version
 * did not change are not read again. Undefined until the first read lands.
 */
export function useChartHistories(shown: readonly AccountSummary[]): { data?: ChartHistories; error?: string } {
  const { queries } = useLedger();
  const branch = useHistoryBranch();
  const reads = useRef(new Map<string, Read>());
  const [data, setData] = useState<ChartHistories>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    const readOne = async (account: AccountSummary): Promise<Read> => {
      const origin = historyOrigin(account, branch);
      const known = reads.current.get(account.accountNumber);
      if (known && sameOrigin(known.origin, origin)) return known;
      const read = { origin, entries: await queries.wholeAccountHistory(origin) };
      // Kept even if this round is superseded: under a stream of new events each round still makes progress.
      reads.current.set(account.accountNumber, read);
      return read;
    };
    Promise.all(shown.map(readOne)).then(
      (done) => {
        if (cancelled) return;
        reads.current = new Map(done.map((read) => [read.origin.accountNumber, read]));
        setData({ shown, histories: new Map(done.map((read) => [read.origin.accountNumber, read.entries])) });
        setError(undefined);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [queries, shown, branch]);

  return { data, error };
}
