import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useLocation, useSearch } from 'wouter';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { FormProblemContext } from '../components/formContext.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { defaultDeviceName, deviceNameProblem, pairingTarget } from './syncForm.ts';
import { useSyncAction } from './useSyncAction.ts';
import './sync.css';

/**
 * #/sync/join?server=…&space=…&secret=…: a pairing link opened on the device to pair. Names the server (never
 * the secret), asks for this device's name and joins on "Join"; then the accounts, in place of this address.
 */
export function JoinRoute() {
  const ledger = useLedger();
  const [, navigate] = useLocation();
  const target = pairingTarget(useSearch());
  const status = useStore(ledger.sync.status);
  const id = useId();
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [nameProblem, setNameProblem] = useState<string>();
  const join = useSyncAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = deviceNameProblem(deviceName);
    setNameProblem(problem);
    if (problem) {
      document.getElementById(`${id}-name`)?.querySelector('input')?.focus();
      return;
    }
    // The whole address is the link: joinSpace reads the server, space and secret from it as the pairing link gave them.
    void join.run(() => ledger.sync.joinSpace(window.location.href, deviceName.trim())).then((ok) => ok && navigate('/accounts', { replace: true }));
  };

  let body;
  if (!target) {
    body = (
      <p className="form-problem" role="alert">
        This pairing link is incomplete: it needs a server, a space and its secret. Copy it again from “Pair another device” on the device that
        already syncs.
      </p>
    );
  } else if (status.phase !== 'off') {
    body = (
      <p role="status">
        {status.spaceId === target.space
          ? 'This device already syncs with this sync space: nothing more to do.'
          : `This device already syncs with another sync space (on ${status.server}). To join this one instead, disconnect it on the Data screen first.`}
      </p>
    );
  } else {
    body = (
      <FormProblemContext.Provider value={{ problems: nameProblem ? [{ message: nameProblem, field: 'deviceName' }] : [], messageId: `${id}-problem` }}>
        <form className="card sync-form" onSubmit={submit} noValidate aria-label="Join the sync space">
          <p>
            This device will keep the same ledger as your other devices, synced through <strong>{target.server}</strong>. Its ledger must be
            empty, or hold only what the sync space holds.
          </p>
          <div id={`${id}-name`}>
            <Field label="This device’s name" name="deviceName" value={deviceName} onChange={setDeviceName} autoComplete="off" maxLength={80} hint="The other devices name their changes by it." />
          </div>
          <div className="form-buttons">
            <button type="submit" className="button button-primary" aria-disabled={join.pending || undefined}>
              Join
            </button>
            <a className="button" href="#/accounts">
              Not now
            </a>
          </div>
          {join.pending && <p role="status">Joining…</p>}
          <FormFeedback problem={join.problem === undefined ? undefined : { message: `${join.problem} Nothing was changed.` }} problemId={`${id}-failure`} />
        </form>
      </FormProblemContext.Provider>
    );
  }

  return (
    <section className="screen sync-join-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Join a sync space</h1>
      {body}
      <p>
        <a href="#/data">Sync settings on the Data screen</a>
      </p>
    </section>
  );
}
