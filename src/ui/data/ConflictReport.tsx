import { useMemo } from 'react';
import { listAccounts } from '../../domain/index.ts';
import type { MergeConflictError } from '../../app/index.ts';
import { formatCount } from '../components/formatCount.ts';
import { useLiveView } from '../ledger/useView.ts';
import { conflictSubject, conflictText } from './conflictText.ts';

/** The accounts and addresses both logs changed after their common past, and the way out: look at the file's events as a what-if branch. */
export function ConflictReport({ conflict, onOpenAsBranch }: { conflict: MergeConflictError; onOpenAsBranch(): void }) {
  const state = useLiveView((s) => s.accounts);
  const lines = useMemo(() => {
    const accounts = listAccounts(state);
    return conflict.conflicts.map((c) => ({ key: c.stream, text: conflictText(c, conflictSubject(c.stream, accounts)) }));
  }, [conflict, state]);
  return (
    <section className="data-conflict" aria-label="Conflicts">
      <h3>What both logs changed</h3>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
      <p>Both logs stay as they are. You can look at the file’s events as a hypothetical branch from event {formatCount(conflict.branchBaseSeq)}.</p>
      <button type="button" className="button" onClick={onOpenAsBranch}>
        Open the file’s events as a what-if branch
      </button>
    </section>
  );
}
