import { useState } from 'react';
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
 * "What if…" starts a branch at the point the screens show: the time-travel
 * point, or now. Time travel ends: the branch replays from there through now.
 */
export function WhatIfStart() {
  const ledger = useLedger();
  const { mode, seq } = useViewInfo();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
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
      <button type="button" className="button what-if-button" onClick={() => void start()} disabled={busy}>
        What if…
      </button>
      <span className="what-if-hint">
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
