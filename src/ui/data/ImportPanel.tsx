import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { incomingBranchPlan, LogFileError, MergeConflictError, type ImportMode, type ImportProgress, type ImportResult } from '../../app/index.ts';
import { openBranchPlan } from '../components/scenarioSession.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { ConflictReport } from './ConflictReport.tsx';
import { formatBytes } from '../components/formatBytes.ts';
import { formatCount, formatCountOf } from '../components/formatCount.ts';
import { describeFileError } from './describeFileError.ts';
import { newerEventsKept } from './newerEventsText.ts';
import { reloadToShowNewLog } from './outcome.ts';

const MODES: { mode: ImportMode; label: string; hint: string }[] = [
  { mode: 'empty', label: 'Into an empty log', hint: 'Only when this device holds no events yet.' },
  { mode: 'replace', label: 'Replace the current log', hint: 'The current log is kept as a backup you can restore.' },
  { mode: 'merge', label: 'Merge with the current log', hint: 'For two copies of one log: only new events are added.' },
];

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Checking the file',
  copying: 'Copying this log aside',
  switching: 'Making the imported log live',
};

function progressText(p: ImportProgress): string {
  const events = p.totalEvents ? `${formatCount(p.events)} of ${formatCountOf(p.totalEvents, 'event')}` : formatCountOf(p.events, 'event');
  const bytes = p.totalBytes ? `, ${formatBytes(p.bytesRead)} of ${formatBytes(p.totalBytes)}` : '';
  return `${PHASES[p.phase]}: ${events}${bytes}`;
}

function outcomeText(file: File, result: ImportResult): string {
  const what =
    result.mode === 'merge'
      ? `Merged ${file.name}: ${formatCountOf(result.imported, 'new event')} added, ${formatCount(result.skipped)} already here.`
      : `Imported ${formatCountOf(result.imported, 'event')} from ${file.name}${result.mode === 'replace' ? ', replacing the log' : ''}.`;
  const newer = newerEventsKept(result.summary.newer);
  const warnings = result.summary.warnings.map((w) => ` Note: ${w.message}`).join('');
  return `${what} The app reloaded to show the imported log.${newer ? ` ${newer}` : ''}${warnings}`;
}

/** "Import log": a file, a mode, progress, and every problem named with its line; nothing changes unless all is well. */
export function ImportPanel() {
  const ledger = useLedger();
  const [, navigate] = useLocation();
  const { liveSeq } = useViewInfo();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ImportMode>(liveSeq === 0 ? 'empty' : 'merge');
  const [progress, setProgress] = useState<ImportProgress>();
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<{ text: string; code?: string }>();
  const [conflict, setConflict] = useState<MergeConflictError>();
  const controller = useRef<AbortController>(undefined);

  const run = async () => {
    const file = fileInput.current?.files?.[0];
    setProblem(undefined);
    setConflict(undefined);
    if (!file) return setProblem({ text: 'Choose a log file (.ndjson) to import.' });
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setProgress(undefined);
    try {
      const result = await ledger.files.importLog(file, {
        mode,
        signal: abort.signal,
        onProgress: setProgress,
      });
      reloadToShowNewLog(outcomeText(file, result), { backupIsEmpty: result.mode === 'empty' && result.replaced });
    } catch (error) {
      if (error instanceof MergeConflictError) setConflict(error);
      setProblem({ text: describeFileError(error), code: error instanceof LogFileError ? error.code : undefined });
      setRunning(false);
    } finally {
      controller.current = undefined;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) void run();
  };

  const openAsBranch = async (open: () => Promise<unknown>) => {
    try {
      await open();
      navigate('/accounts');
    } catch (failure) {
      setProblem({ text: `The file’s events could not be opened as a what-if branch: ${describeFileError(failure)}` });
    }
  };

  const openScenario = () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    void openAsBranch(async () => {
      const { plan, name } = await ledger.files.scenarioPlan(file);
      await openBranchPlan(ledger, plan, name === undefined ? undefined : { name });
    });
  };

  const openIncoming = (incoming: MergeConflictError) =>
    void openAsBranch(async () => openBranchPlan(ledger, await incomingBranchPlan(incoming, ledger.image.getState().seq)));

  return (
    <form className="card data-card" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>Import</h2>
      <p>Every line is checked before anything changes: a damaged file changes nothing.</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>Log file</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".ndjson,.jsonl,application/x-ndjson,application/json" />
      </div>
      <fieldset className="data-choice">
        <legend>How to import</legend>
        {MODES.map((m) => (
          <label key={m.mode}>
            <input type="radio" name={`${id}-mode`} value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} /> {m.label}
            <span className="data-hint">{m.hint}</span>
          </label>
        ))}
      </fieldset>
      <div className="form-buttons">
        <button type="submit" className="button button-primary" aria-disabled={running || undefined}>
          Import log
        </button>
        {running && (
          <button type="button" className="button" onClick={() => controller.current?.abort()}>
            Cancel import
          </button>
        )}
      </div>
      {running && (
        <div className="data-progress">
          <progress
            value={progress?.totalBytes ? progress.bytesRead : (progress?.events ?? 0)}
            max={progress?.totalBytes || progress?.totalEvents || 1}
            aria-label="Import progress"
          />
          <span>{progress ? progressText(progress) : 'Starting…'}</span>
        </div>
      )}
      <div className="form-problem" role="alert">
        {problem && (
          <>
            <p>
              <strong>The file was not imported; nothing was changed.</strong> {problem.text}
            </p>
            {problem.code === 'HYPOTHETICAL_LOG' && (
              <button type="button" className="button" onClick={openScenario}>
                Open it as a what-if branch
              </button>
            )}
          </>
        )}
      </div>
      {conflict && <ConflictReport conflict={conflict} onOpenAsBranch={() => openIncoming(conflict)} />}
    </form>
  );
}
