import { useId, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../app/index.ts';
import { formatRelative } from '../components/dates.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { DisconnectDevice } from './DisconnectDevice.tsx';
import { PairDevice } from './PairDevice.tsx';
import { stateSentence } from './stateSentence.ts';
import { headerStatus } from './statusWords.ts';
import { deviceNameProblem } from './syncForm.ts';
import { useSyncAction } from './useSyncAction.ts';

/** Sync while it is on: where it stands, this device's name, syncing now, pairing another device, disconnecting. */
export function SyncDetails({ status }: { status: SyncStatus }) {
  const ledger = useLedger();
  const syncing = useSyncAction();
  return (
    <>
      <p className={`sync-state sync-state-${headerStatus(status)?.tone ?? 'synced'}`} role="status">
        {stateSentence(status)}
      </p>
      <dl className="sync-facts">
        <dt>Server</dt>
        <dd>{status.server}</dd>
        <dt>Last contact</dt>
        <dd>{status.lastContact ? <time dateTime={status.lastContact}>{formatRelative(status.lastContact, new Date())}</time> : 'Not yet'}</dd>
      </dl>
      <RenameDevice name={status.deviceName ?? ''} />
      <div className="form-buttons">
        <button type="button" className="button" onClick={() => void syncing.run(() => ledger.sync.syncNow())} aria-disabled={syncing.pending || undefined}>
          {syncing.pending ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {syncing.problem && (
        <p className="form-problem" role="alert">
          {syncing.problem}
        </p>
      )}
      <PairDevice />
      <DisconnectDevice waiting={status.waiting} />
    </>
  );
}

/** This device's name as the other devices see it, renamable in place. */
function RenameDevice({ name }: { name: string }) {
  const ledger = useLedger();
  const id = useId();
  const [value, setValue] = useState(name);
  const [done, setDone] = useState<string>();
  const rename = useSyncAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const problem = deviceNameProblem(value);
    if (problem) return rename.setProblem(problem);
    const next = value.trim();
    void rename.run(() => ledger.sync.renameDevice(next)).then((ok) => ok && setDone(`This device is now called ${next}.`));
  };
  return (
    <form className="sync-rename" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>This device’s name</label>
        <div className="sync-inline">
          <input
            id={`${id}-name`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            maxLength={80}
            aria-invalid={rename.problem !== undefined || undefined}
            aria-describedby={rename.problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="button" aria-disabled={rename.pending || undefined}>
            Rename
          </button>
        </div>
      </div>
      <div id={`${id}-problem`} className="form-problem" role="alert">
        {rename.problem && <p>{rename.problem}</p>}
      </div>
      <p className="form-success" role="status">
        {done}
      </p>
    </form>
  );
}
