import { useEffect, useMemo, useRef, useState } from 'react';
import { listAccounts } from '../../domain/index.ts';
import type { Ledger } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useLiveView, useViewInfo } from '../ledger/useView.ts';
import { formatCount } from '../components/formatCount.ts';
import { describeFileError } from './describeFileError.ts';
import { reloadToShowNewLog } from './outcome.ts';
import { useLogExport } from './useLogExport.ts';

type Scope = Awaited<ReturnType<Ledger['files']['startOverScope']>>;
type Step = 'closed' | 'export' | 'confirm' | 'erasing';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * "Erase this ledger", or "Remove the sample data" when every event is sample data: first offers an
 * export, then names what goes and the backup that stays; the app then reloads to the empty first-run screen.
 */
export function StartOverPanel() {
  const ledger = useLedger();
  const { mode, liveSeq } = useViewInfo();
  const accountsState = useLiveView((s) => s.accounts);
  const accounts = useMemo(() => listAccounts(accountsState).length, [accountsState]);
  const exporter = useLogExport();
  const [scope, setScope] = useState<Scope>();
  const [step, setStep] = useState<Step>('closed');
  const [problem, setProblem] = useState<string>();
  const [hasBackup, setHasBackup] = useState(false);
  /** The number of events the person saw on the confirmation: exactly these go, or nothing. */
  const [confirmedEvents, setConfirmedEvents] = useState<number>();
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    void ledger.files.startOverScope().then(
      (next) => current && setScope(next),
      () => current && setScope({ events: liveSeq, allSample: false, anySample: false }),
    );
    return () => {
      current = false;
    };
  }, [ledger, liveSeq]);

  // Events recorded while the person decides (another tab, a process manager) are not part of what they saw:
  // back to the export step, so a fresh copy can include them and the confirmation names the new count.
  useEffect(() => {
    if (step !== 'confirm' || confirmedEvents === undefined || !scope || scope.events === confirmedEvents) return;
    setStep('export');
    setProblem('Events were recorded while you were deciding, so nothing was erased. Export again to include them in your copy, then continue.');
  }, [step, scope, confirmedEvents]);

  // Each step's question gets the focus, so a keyboard or screen reader user hears it.
  useEffect(() => {
    if (step === 'export' || step === 'confirm') stepHeading.current?.focus();
  }, [step]);

  if (liveSeq === 0 || !scope) return null;

  const sample = scope.allSample;
  const title = sample ? 'Remove the sample data' : 'Erase this ledger';
  const events = plural(scope.events, 'event', 'events');
  const accountsText = plural(accounts, 'account', 'accounts');

  const begin = async () => {
    setProblem(undefined);
    setHasBackup((await ledger.files.describeBackup().catch(() => ({ available: false }))).available);
    setStep('export');
  };

  const erase = async () => {
    if (step === 'erasing') return;
    setStep('erasing');
    setProblem(undefined);
    try {
      await ledger.files.startOver(confirmedEvents ?? scope.events);
      // The empty ledger's first-run screen is on the Accounts screen; replaced, not navigated to, so the
      // screens do not change under the card that says what is happening until the reloaded page boots.
      history.replaceState(history.state, '', '#/');
      reloadToShowNewLog(
        `${sample ? 'Removed the sample data' : 'Erased the ledger'} (${events}). The log as it was is the backup: Restore previous log brings it back.`,
        { opening: 'Opening the empty ledger…' },
      );
    } catch (error) {
      setProblem(`Nothing was erased: ${describeFileError(error)}`);
      setStep('confirm');
    }
  };

  return (
    <section className="card data-card start-over" aria-labelledby="start-over-title">
      <h2 id="start-over-title">Start over</h2>
      <p>
        {sample
          ? 'The log holds only the sample data. Remove it to start your own ledger from an empty log.'
          : 'Erase every account and event on this device and start from an empty log.'}
      </p>
      {!sample && scope.anySample && (
        <p className="data-hint-line">
          Your own events are mixed with the sample data: removing only the sample would rewrite history, so the ledger can only be erased whole.
        </p>
      )}
      {mode !== 'live' ? (
        <p role="note">
          {mode === 'branch'
            ? 'A what-if branch is open. Close it first (save it to keep it): starting over changes the real log.'
            : 'You are viewing the past. Go back to now first: starting over changes the log as it is now.'}
        </p>
      ) : step === 'closed' ? (
        <div className="form-buttons">
          <button type="button" className="button button-danger" onClick={() => void begin()}>
            {title}…
          </button>
        </div>
      ) : step === 'export' ? (
        <div className="start-over-step">
          <h3 ref={stepHeading} tabIndex={-1}>
            Keep a copy first?
          </h3>
          <p>Export the log as a file you can import again later, on this device or another.</p>
          <div className="form-buttons">
            <button type="button" className="button" onClick={() => void exporter.start({ kind: 'all' })} aria-disabled={exporter.running || undefined}>
              Export the log
            </button>
            <button type="button" className="button button-primary" onClick={() => {
                if (exporter.running) return;
                setProblem(undefined);
                setConfirmedEvents(scope.events);
                setStep('confirm');
              }} aria-disabled={exporter.running || undefined}>
              Continue
            </button>
            <button type="button" className="button" onClick={() => setStep('closed')}>
              Cancel
            </button>
          </div>
          {(exporter.done || exporter.running) && <p role="status">{exporter.running ? 'Exporting…' : exporter.done}</p>}
          {exporter.problem && (
            <p className="form-problem" role="alert">
              {exporter.problem}
            </p>
          )}
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      ) : (
        <div className="start-over-step">
          <h3 ref={stepHeading} tabIndex={-1}>
            {sample ? 'Remove the sample data?' : 'Erase this ledger?'}
          </h3>
          <p>
            {events} and {accountsText} will go from this device. A backup is kept:{' '}
            <strong>Restore previous log</strong> on the Data screen brings it all back.
            {' '}Saved what-if scenarios stay with the backup.
            {hasBackup && ' The backup kept now, from the last import or restore, is deleted in its place.'}
          </p>
          <div className="form-buttons">
            <button type="button" className="button button-danger" onClick={() => void erase()} aria-disabled={step === 'erasing' || undefined}>
              {sample ? 'Remove the sample data' : `Erase ${events}`}
            </button>
            <button type="button" className="button" onClick={() => step !== 'erasing' && setStep('closed')} aria-disabled={step === 'erasing' || undefined}>
              Cancel
            </button>
          </div>
          {step === 'erasing' && <p role="status">{sample ? 'Removing the sample data…' : 'Erasing the ledger…'}</p>}
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
