import { useStore } from 'zustand';
import { positionText } from '../components/positionText.ts';
import { useEventTime } from '../components/useEventTime.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { ExportScenarioButton } from './ExportScenarioButton.tsx';
import { InjectForm } from './InjectForm.tsx';
import { plural, replayingText } from './replayingText.ts';
import { SaveScenarioForm } from './SaveScenarioForm.tsx';
import { resetScenarioSession, useScenarioSession, type BranchPanel } from '../components/scenarioSession.ts';

const PANELS: { panel: BranchPanel; label: string }[] = [
  { panel: 'compare', label: 'Compare with reality' },
  { panel: 'inject', label: 'Inject event' },
  { panel: 'save', label: 'Save scenario' },
];

/** A branch just opened: its banner takes the focus from the button that opened it (which is gone). */
const focusOnMount = (element: HTMLDivElement | null) => element?.focus();

/** While a what-if branch is open: a banner saying everything is hypothetical, and the branch's tools. */
export function BranchBar() {
  const ledger = useLedger();
  const plan = useStore(ledger.branch, (s) => s.plan);
  const loading = useStore(ledger.branch, (s) => s.loading);
  const progress = useStore(ledger.branch, (s) => s.progress);
  const error = useStore(ledger.branch, (s) => s.error);
  const liveSeq = useStore(ledger.image, (s) => s.seq);
  const { saved, panel } = useScenarioSession();
  const baseAt = useEventTime(plan?.basePoint ?? 0);
  if (!plan) return null;

  const toggle = (next: BranchPanel) => useScenarioSession.setState({ panel: panel === next ? undefined : next, injectAfter: undefined });
  const discard = () => {
    ledger.branch.discard();
    resetScenarioSession();
    // This bar goes away with the branch: hand focus to "What if…", which takes its place.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('.what-if-button')?.focus());
  };

  return (
    <section className="what-if-branch" aria-label="What-if branch">
      <div className="what-if-banner" role="status" tabIndex={-1} ref={focusOnMount}>
        <p>
          <strong>
            What-if branch{saved ? `: ${saved.name}` : ''}. Everything shown is hypothetical; nothing is written to the log.
          </strong>
        </p>
        <p className="what-if-meta">
          Branched at {positionText(plan.basePoint, liveSeq, baseAt)}. {plural(plan.skip.length, 'event')} skipped,{' '}
          {plural(plan.inject.length, 'event')} injected.
        </p>
      </div>
      <div className="what-if-actions">
        {PANELS.map(({ panel: p, label }) => (
          <button key={p} type="button" className="button" aria-expanded={panel === p} onClick={() => toggle(p)}>
            {label}
          </button>
        ))}
        <ExportScenarioButton name={saved?.name} />
        <button type="button" className="button button-danger" onClick={discard}>
          Discard
        </button>
      </div>
      <p className="what-if-loading" aria-live="polite">
        {loading ? replayingText(progress) : ''}
      </p>
      {error && (
        <p className="form-problem" role="alert">
          The branch could not take that change: {error}
        </p>
      )}
      {panel === 'compare' && <ComparePanel />}
      {panel === 'inject' && <InjectForm />}
      {panel === 'save' && <SaveScenarioForm />}
    </section>
  );
}
