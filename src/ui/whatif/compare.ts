import { listAccounts, type AccountSummary } from '../../domain/index.ts';
import type { LedgerStates } from '../../app/index.ts';

export interface AccountDifference {
  accountNumber: string;
  owner: string;
  /** Undefined: the account does not exist there. */
  branch?: AccountSummary;
  reality?: AccountSummary;
  /** Branch balance minus real balance, in cents. */
  difference: number;
  /** What else differs, in words ("Only in this branch", "Closed in this branch"). */
  notes: string[];
}

export interface TotalDifference {
  label: string;
  kind: 'money' | 'count';
  /** More is better (money held): its difference is shown in colour. */
  toned?: boolean;
  branch: number;
  reality: number;
}

export interface Comparison {
  accounts: AccountDifference[];
  /** Accounts the same in both. */
  sameCount: number;
  totals: TotalDifference[];
}

function notesFor(branch: AccountSummary | undefined, reality: AccountSummary | undefined): string[] {
  if (!branch) return ['Only in reality'];
  if (!reality) return ['Only in this branch'];
  const notes: string[] = [];
  if (branch.status !== reality.status) notes.push(branch.status === 'closed' ? 'Closed in this branch' : 'Open in this branch, closed in reality');
  if (branch.verified !== reality.verified) notes.push(branch.verified ? 'Verified only in this branch' : 'Verified only in reality');
  return notes;
}

/** What a what-if branch changes compared with the real present. */
export function compareWithReality(branch: LedgerStates, reality: LedgerStates): Comparison {
  const real = new Map(listAccounts(reality.accounts).map((a) => [a.accountNumber, a]));
  const accounts: AccountDifference[] = [];
  let sameCount = 0;
  const consider = (b: AccountSummary | undefined, r: AccountSummary | undefined) => {
    const difference = (b?.balance ?? 0) - (r?.balance ?? 0);
    const notes = notesFor(b, r);
    if (difference === 0 && notes.length === 0) sameCount++;
    else accounts.push({ accountNumber: (b ?? r)!.accountNumber, owner: (b ?? r)!.owner, branch: b, reality: r, difference, notes });
  };
  for (const b of listAccounts(branch.accounts)) {
    consider(b, real.get(b.accountNumber));
    real.delete(b.accountNumber);
  }
  for (const r of real.values()) consider(undefined, r);

  const totals: TotalDifference[] = [
    { label: 'Money in the system', kind: 'money', toned: true, branch: branch.totals.inSystem, reality: reality.totals.inSystem },
    { label: 'Money moved', kind: 'money', branch: branch.reports.moneyMoved.total, reality: reality.reports.moneyMoved.total },
    { label: 'Deposited', kind: 'money', branch: branch.totals.deposited, reality: reality.totals.deposited },
    { label: 'Withdrawn', kind: 'money', branch: branch.totals.withdrawn, reality: reality.totals.withdrawn },
    { label: 'Open accounts', kind: 'count', branch: branch.accounts.openCount, reality: reality.accounts.openCount },
  ];
  return { accounts, sameCount, totals };
}
