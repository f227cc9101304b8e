import { useStore } from 'zustand';
import type { AccountSummary } from '../../domain/index.ts';
import type { HistoryBranch, HistoryOrigin } from '../../app/index.ts';
import { useLedger } from './LedgerContext.tsx';

/**
 * The what-if branch the screens show, as histories read it; undefined when
 * they show the log (now or the past). It is the branch's result, so it stays
 * the same object until the branch changes and can key the reads.
 */
export function useHistoryBranch(): HistoryBranch | undefined {
  // As useView: a branch shows once it has a result; the result's states and changes always belong together.
  return useStore(useLedger().branch, (s) => (s.plan ? s.result : undefined));
}

/** Where an account's history is read from, for the account as the screens show it. */
export function historyOrigin(
  { accountNumber, balance, version }: Pick<AccountSummary, 'accountNumber' | 'balance' | 'version'>,
  branch: HistoryBranch | undefined,
): HistoryOrigin {
  return { accountNumber, balance, version, branch };
}

/** Whether two reads of an account's history would give the same lines. */
export function sameOrigin(a: HistoryOrigin, b: HistoryOrigin): boolean {
  return a.accountNumber === b.accountNumber && a.balance === b.balance && a.version === b.version && a.branch === b.branch;
}
