import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { BranchPlan } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useScenarioSession } from '../components/scenarioSession.ts';
import { useModalDialog } from '../components/useModalDialog.ts';
import { plural } from './replayingText.ts';
import '../components/sheet.css';
import './discardBranch.css';

const samePlan = (a: BranchPlan, b: BranchPlan | undefined) => b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * "Discard": a branch with nothing to lose (no changes, or none since it was
 * opened or saved) goes at once; one with unsaved changes asks first, with Keep
 * as the safe answer (Escape too).
 */
export function DiscardBranchButton({ onDiscard }: { onDiscard(): void }) {
  const ledger = useLedger();
  const plan = useStore(ledger.branch, (s) => s.plan);
  const { kept, saved } = useScenarioSession();
  const [asking, setAsking] = useState(false);
  if (!plan) return null;

  const changes = plan.skip.length + plan.inject.length;
  const unsaved = changes > 0 && !samePlan(plan, kept);
  const discard = () => {
    setAsking(false);
    onDiscard();
  };
  const why = saved
    ? `Its changes since it was saved as “${saved.name}” are not saved.`
    : `Its ${plural(changes, 'change')} ${changes === 1 ? 'is' : 'are'} not saved.`;

  return (
    <>
      <button
        type="button"
        className="button button-danger what-if-discard"
        aria-haspopup={unsaved ? 'dialog' : undefined}
        onClick={() => (unsaved ? setAsking(true) : onDiscard())}
      >
        Discard
      </button>
      {asking && <ConfirmDiscard why={why} onKeep={() => setAsking(false)} onDiscard={discard} />}
    </>
  );
}

/** The question, as a modal dialog: a bottom sheet on a phone, centred on a larger screen. */
function ConfirmDiscard({ why, onKeep, onDiscard }: { why: string; onKeep(): void; onDiscard(): void }) {
  // Escape keeps the branch; the focus goes back to Discard once the question is gone.
  const modal = useModalDialog('.discard-keep', onKeep);
  const titleId = useId();
  const whyId = useId();
  return (
    <dialog {...modal} className="sheet discard-branch" role="alertdialog" aria-labelledby={titleId} aria-describedby={whyId}>
      <h2 id={titleId}>Discard this branch?</h2>
      <p id={whyId}>{why}</p>
      <div className="form-buttons">
        <button type="button" className="button discard-keep" onClick={onKeep}>
          Keep
        </button>
        <button type="button" className="button button-danger" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </dialog>
  );
}
