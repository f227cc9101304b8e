import { lazy, Suspense, useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { SyncConflict } from '../../app/index.ts';
import { describeError } from '../components/describeError.ts';
import { resetScenarioSession } from '../components/scenarioSession.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { commandAccount, conflictWords } from './conflictWords.ts';
import { useSyncAction } from './useSyncAction.ts';

// The command form loads with the first "Change and retry".
const RetryForm = lazy(() => import('./RetryForm.tsx').then((m) => ({ default: m.RetryForm })));

/** One conflict in words (what, where and when, what arrived, what came of it) and what the person can do about it. */
export function ConflictCard({ conflict, ownerOf }: { conflict: SyncConflict; ownerOf(accountNumber: string): string | undefined }) {
  const ledger = useLedger();
  const [, navigate] = useLocation();
  const id = useId();
  const [retrying, setRetrying] = useState(false);
  const dismiss = useSyncAction();
  const whatIf = useSyncAction();
  const words = conflictWords(conflict, { ownerOf });
  const account = commandAccount(conflict.command);
  const refused = conflict.outcome === 'refused';

  // As the header's "What if…" does, from now; then the command runs in the branch, where nothing is written.
  const tryAsWhatIf = () =>
    void whatIf.run(async () => {
      if (ledger.branch.getState().plan) throw new Error('A what-if branch is already open: close it first (save it to keep it).');
      resetScenarioSession();
      await ledger.branch.start(ledger.image.getState().seq);
      ledger.travel.backToNow();
      try {
        await ledger.dispatch(conflict.command);
      } catch (error) {
        throw new Error(
          `The what-if branch is open, but the command is refused there too: ${describeError(error, { ownerOf }).message} ` +
            'In the account’s history, skip the other device’s change to see yours in its place.',
          { cause: error },
        );
      }
      navigate(account ? `/accounts/${account}` : '/accounts');
    });

  return (
    <li className={`card sync-conflict sync-conflict-${conflict.outcome}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        <span className="sync-conflict-mark">{refused ? 'Refused' : 'Applied'}</span> {words.command}
      </h4>
      <p>Made {words.made}.</p>
      {words.arrived && <p>{words.arrived}</p>}
      <p>{words.outcome}</p>
      <div className="form-buttons">
        {refused && (
          <>
            <button type="button" className="button button-primary" aria-expanded={retrying} onClick={() => setRetrying(!retrying)}>
              Change and retry
            </button>
            <button type="button" className="button" aria-disabled={whatIf.pending || undefined} onClick={tryAsWhatIf}>
              Try as what-if
            </button>
          </>
        )}
        <button
          type="button"
          className="button"
          aria-describedby={`${id}-title`}
          aria-disabled={dismiss.pending || undefined}
          onClick={() => void dismiss.run(() => ledger.sync.dismissConflict(conflict.id))}
        >
          Dismiss
        </button>
      </div>
      {(whatIf.problem || dismiss.problem) && (
        <div className="form-problem" role="alert">
          {whatIf.problem && <p>{whatIf.problem}</p>}
          {whatIf.problem && account && <a href={`#/accounts/${account}`}>Go to the account</a>}
          {dismiss.problem && <p>{dismiss.problem}</p>}
        </div>
      )}
      {retrying && (
        <Suspense fallback={<p>Loading the form…</p>}>
          <RetryForm conflict={conflict} />
        </Suspense>
      )}
    </li>
  );
}
