import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { replayingText } from './replayingText.ts';
import { ScenarioList } from './ScenarioList.tsx';
import { resetScenarioSession } from '../components/scenarioSession.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * In the header: "What if…" starts a branch at the point the screens show (the
 * time-travel point, or now; time travel ends, the branch replays from there
 * through now), and "Saved scenarios" reopens one.
 */
export function WhatIfStart() {
  const ledger = useLedger();
  const { mode, seq } = useViewInfo();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const hintId = useId();
  // A branch being opened shows only once its rules pass (a refusal is told where it was asked): meanwhile, say it is on its way.
  const opening = useStore(ledger.branch, (s) => (s.loading ? replayingText(s.progress) : ''));

  const start = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      resetScenarioSession();
      await ledger.branch.start(seq);
      ledger.travel.backToNow();
    } catch (error) {
      setProblem(`The what-if branch could not start: ${message(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="what-if-start" aria-label="What-if branches">
      <button type="button" className="header-tool what-if-button" onClick={() => void start()} disabled={busy} aria-describedby={hintId}>
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 16 16">
          <path d="M4 1.5a2 2 0 0 1 .75 3.85v5.3A2 2 0 1 1 3.25 10.65v-5.3A2 2 0 0 1 4 1.5zm8 0a2 2 0 0 1 .75 3.85V6a3 3 0 0 1-3 3H6.5V7.5h3.25A1.5 1.5 0 0 0 11.25 6v-.65A2 2 0 0 1 12 1.5z" fill="currentColor" />
        </svg>
        What if…
      </button>
      <span id={hintId} className="visually-hidden">
        {mode === 'past' ? `Explore another history from event ${seq}` : 'Explore another history without touching the log'}
      </span>
      <ScenarioList />
      <p className="what-if-loading" aria-live="polite">
        {opening}
      </p>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
