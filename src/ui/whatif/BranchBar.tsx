import { useEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { positionText } from '../components/positionText.ts';
import { useEscapeToClose } from '../components/useEscapeToClose.ts';
import { useEventTime } from '../components/useEventTime.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { DiscardBranchButton } from './DiscardBranchButton.tsx';
import { ExportScenarioButton } from './ExportScenarioButton.tsx';
import { plural, replayingText } from './replayingText.ts';
import { resetScenarioSession, useScenarioSession, type BranchPanel } from '../components/scenarioSession.ts';

const PANELS: { panel: BranchPanel; label: string }[] = [
  { panel: 'compare', label: 'Compare with reality' },
  { panel: 'inject', label: 'Inject event' },
  { panel: 'save', label: 'Save scenario' },
];

export const BRANCH_MENU_BUTTON_ID = 'what-if-actions-button';
export const BRANCH_PANEL_ID = 'what-if-panel';
const MENU_ID = 'what-if-actions';

/** A branch just opened: its banner takes the focus from the button that opened it (which is gone). */
const focusOnMount = (element: HTMLDivElement | null) => element?.focus();

/**
 * While a what-if branch is open: one slim line under the header saying everything is hypothetical and
 * what the branch changes, with its actions in one "Actions" menu, and Discard.
 */
export function BranchBar() {
  const ledger = useLedger();
  const plan = useStore(ledger.branch, (s) => s.plan);
  const loading = useStore(ledger.branch, (s) => s.loading);
  const progress = useStore(ledger.branch, (s) => s.progress);
  const error = useStore(ledger.branch, (s) => s.error);
  const liveSeq = useStore(ledger.image, (s) => s.seq);
  const { saved, panel } = useScenarioSession();
  const baseAt = useEventTime(plan?.basePoint ?? 0);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEscapeToClose(menuOpen, () => setMenuOpen(false), menuButton);
  useCloseOnOutsidePointer(menuOpen, [menuButton, menu], () => setMenuOpen(false));
  if (!plan) return null;

  const toggle = (next: BranchPanel) => {
    useScenarioSession.setState({ panel: panel === next ? undefined : next, injectAfter: undefined });
    // The menu folds away with the item that had the focus: the focus moves to the tool it opened.
    setMenuOpen(false);
    requestAnimationFrame(() => (document.getElementById(BRANCH_PANEL_ID) ?? menuButton.current)?.focus());
  };
  const discard = () => {
    ledger.branch.discard();
    resetScenarioSession();
    // This bar goes away with the branch: hand focus to "What if…", which takes its place.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('.what-if-button')?.focus());
  };
  const changes = plan.skip.length + plan.inject.length;

  return (
    <section className="what-if-branch" aria-label="What-if branch">
      <div className="what-if-banner" role="status" tabIndex={-1} ref={focusOnMount}>
        <p>
          <strong>What-if branch{saved ? `: ${saved.name}` : ''}.</strong> <span className="what-if-changes">{plural(changes, 'change')}</span>{' '}
          <span className="visually-hidden-on-phone">
            Everything shown is hypothetical; nothing is written to the log. Branched at {positionText(plan.basePoint, liveSeq, baseAt)}.{' '}
            {plural(plan.skip.length, 'event')} skipped, {plural(plan.inject.length, 'event')} injected.
          </span>
        </p>
      </div>
      <button
        id={BRANCH_MENU_BUTTON_ID}
        ref={menuButton}
        type="button"
        className="button what-if-menu-toggle"
        aria-expanded={menuOpen}
        aria-controls={MENU_ID}
        onClick={() => setMenuOpen(!menuOpen)}
      >
        Actions
        <svg aria-hidden="true" focusable="false" width="12" height="12" viewBox="0 0 12 12">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" />
        </svg>
      </button>
      <div id={MENU_ID} ref={menu} className="what-if-actions" data-open={menuOpen}>
        {PANELS.map(({ panel: p, label }) => (
          <button key={p} type="button" className="button" aria-expanded={panel === p} aria-controls={BRANCH_PANEL_ID} onClick={() => toggle(p)}>
            {label}
          </button>
        ))}
        <ExportScenarioButton name={saved?.name} />
      </div>
      <DiscardBranchButton onDiscard={discard} />
      <p className="what-if-loading" aria-live="polite">
        {loading ? replayingText(progress) : ''}
      </p>
      {error && (
        <p className="form-problem" role="alert">
          The branch could not take that change: {error}
        </p>
      )}
    </section>
  );
}

/** A tap anywhere but the menu and its button closes the menu, as menus do. */
function useCloseOnOutsidePointer(open: boolean, inside: RefObject<HTMLElement | null>[], close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!inside.some((ref) => ref.current?.contains(event.target as Node))) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  });
}
