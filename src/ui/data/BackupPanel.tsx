import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../app/index.ts';
import { formatDateTime } from '../components/dates.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { describeFileError } from './describeFileError.ts';
import { backupIsEmpty, forgetEmptyBackup, reloadToShowNewLog } from './outcome.ts';

/** After an import or a start over replaced the log: "Restore previous log" from the backup, or delete the backup. */
export function BackupPanel() {
  const ledger = useLedger();
  const [backup, setBackup] = useState<BackupInfo>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    let current = true;
    const look = async () => {
      if (backupIsEmpty()) {
        await ledger.files.discardBackup();
        forgetEmptyBackup();
      }
      return ledger.files.describeBackup();
    };
    look().then(
      (info) => current && setBackup(info),
      () => current && setBackup({ available: false }),
    );
    return () => {
      current = false;
    };
  }, [ledger]);

  if (!backup?.available) return status ? <p role="status">{status}</p> : null;

  const restore = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ledger.files.restoreBackup();
      reloadToShowNewLog('Restored the previous log. The app reloaded to show it; the log it replaced is now the backup.', {
        opening: 'Opening the restored log…',
      });
    } catch (error) {
      setProblem(`The previous log was not restored: ${describeFileError(error)}`);
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ledger.files.discardBackup();
      setBackup({ available: false });
      setStatus('The backup was deleted.');
    } catch (error) {
      setProblem(`The backup was not deleted: ${describeFileError(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card data-card" aria-label="Backup of the previous log">
      <h2>Previous log</h2>
      <p>
        The log as it was before the last import, restore or start over{backup.since ? ` (until ${formatDateTime(backup.since)})` : ''} is kept
        on this device. Restore it if that was a mistake.
      </p>
      <div className="form-buttons">
        <button type="button" className="button button-primary" onClick={() => void restore()} aria-disabled={busy || undefined}>
          Restore previous log
        </button>
        <button type="button" className="button" onClick={() => void remove()} aria-disabled={busy || undefined}>
          Delete backup
        </button>
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
