import { useEffect, useMemo, useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { historyOrigin, useHistoryBranch } from '../ledger/historyOrigin.ts';
import { categoriesOf } from './categoryChoices.ts';

const NONE: readonly string[] = [];

/**
 * The categories the account's movements use at the point the screens show, in list order: the history
 * filter's choices and the custom names the forms suggest. Read from the whole history, again whenever the
 * account changes; empty until read, for no account, and if the read fails (the history says so).
 */
export function useAccountCategories(account: AccountSummary | undefined): readonly string[] {
  const { queries } = useLedger();
  const branch = useHistoryBranch();
  const { accountNumber = '', balance = 0, version = 0 } = account ?? {};
  const origin = useMemo(() => historyOrigin({ accountNumber, balance, version }, branch), [accountNumber, balance, version, branch]);
  const [categories, setCategories] = useState<readonly string[]>();

  useEffect(() => {
    if (origin.accountNumber === '') return;
    let cancelled = false;
    queries.wholeAccountHistory(origin).then(
      (entries) => {
        if (!cancelled) setCategories(categoriesOf(entries));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [queries, origin]);

  // The last categories read stay while the account's new state is read: they rarely change.
  return categories ?? NONE;
}
