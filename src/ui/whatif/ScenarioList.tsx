import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../components/dates.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import type { SavedScenario } from '../../app/index.ts';
import { openBranchPlan, resetScenarioSession } from '../components/scenarioSession.ts';
import { useEscapeToClose } from '../components/useEscapeToClose.ts';
import { formatCount } from '../components/formatCount.ts';

function changes({ plan }: SavedScenario): string {
  const parts = [`from event ${plan.basePoint}`];
  if (plan.skip.length > 0) parts.push(`${formatCount(plan.skip.length)} skipped`);
  if (plan.inject.length > 0) parts.push(`${formatCount(plan.inject.length)} injected`);
  return parts.join(', ');
}

/** The saved scenarios of this device, to reopen as a branch or delete (with an undo). */
export function ScenarioList() {
  const ledger = useLedger();
  const [open, setOpen] = useState(false);
  const [scenarios, setScenarios] = useState<SavedScenario[]>();
  const [deleted, setDeleted] = useState<SavedScenario>();
  const [problem, setProblem] = useState<string>();
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEscapeToClose(open, () => setOpen(false), toggle);

  const refresh = useCallback(async () => {
    try {
      setScenarios(await ledger.scenarios.list());
    } catch (error) {
      setProblem(`The saved scenarios could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [ledger]);

  useEffect(() => {
    if (open) void refresh();
  }, [open, refresh]);

  const reopen = async (scenario: SavedScenario) => {
    setProblem(undefined);
    try {
      await openBranchPlan(ledger, scenario.plan, { id: scenario.id, name: scenario.name });
    } catch (error) {
      resetScenarioSession();
      setProblem(`“${scenario.name}” could not be opened on this log: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const failed = (what: string, scenario: SavedScenario, error: unknown) =>
    setProblem(`“${scenario.name}” could not be ${what}: ${error instanceof Error ? error.message : String(error)}`);

  const remove = async (scenario: SavedScenario) => {
    setProblem(undefined);
    try {
      await ledger.scenarios.remove(scenario.id);
      // The list first: "Deleted" never shows beside the scenario it deleted.
      await refresh();
      setDeleted(scenario);
    } catch (error) {
      failed('deleted', scenario, error);
    }
  };

  const undo = async (scenario: SavedScenario) => {
    setProblem(undefined);
    try {
      await ledger.scenarios.save(scenario);
      setDeleted(undefined);
      await refresh();
    } catch (error) {
      failed('restored', scenario, error);
    }
  };

  return (
    <div className="scenario-list">
      <button ref={toggle} type="button" className="header-tool" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 16 16">
          <path d="M4 1.5h8a1 1 0 0 1 1 1v12l-5-3-5 3v-12a1 1 0 0 1 1-1zm.5 1.5v8.85L8 9.75l3.5 2.1V3z" fill="currentColor" />
        </svg>
        <span className="header-tool-label">Saved scenarios</span>
      </button>
      {open && (
        <div id={listId} className="scenario-list-panel">
          {scenarios === undefined ? (
            <p>Reading…</p>
          ) : scenarios.length === 0 ? (
            <p>No saved scenarios yet. Start one with “What if…”, then save it.</p>
          ) : (
            <ul aria-label="Saved scenarios">
              {scenarios.map((s) => (
                <li key={s.id}>
                  <span className="scenario-name">{s.name}</span>
                  <span className="scenario-meta">
                    Saved {formatDateTime(s.savedAt)}, {changes(s)}
                  </span>
                  <span className="scenario-actions">
                    <button type="button" className="button" aria-label={`Open ${s.name}`} onClick={() => void reopen(s)}>
                      Open
                    </button>
                    <button type="button" className="button button-small" aria-label={`Delete ${s.name}`} onClick={() => void remove(s)}>
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p role="status" className="scenario-status">
            {deleted && (
              <>
                Deleted “{deleted.name}”.{' '}
                <button type="button" className="button button-small" onClick={() => void undo(deleted)}>
                  Undo
                </button>
              </>
            )}
          </p>
        </div>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
