import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import type { CommandProblem } from '../components/describeError.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { FormProblemContext } from '../components/formContext.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { DEFAULT_SERVER, defaultDeviceName, deviceNameProblem, pairingLinkProblem, serverProblem } from './syncForm.ts';
import { failureText } from './useSyncAction.ts';

type Doing = 'create' | 'join';

/** Sync while it is off: what it is for, the server and this device's name, and the two ways in. */
export function SyncSetup() {
  const ledger = useLedger();
  const [, navigate] = useLocation();
  const id = useId();
  const [server, setServer] = useState(DEFAULT_SERVER);
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [link, setLink] = useState('');
  const [problems, setProblems] = useState<{ of: Doing; list: CommandProblem[] }>({ of: 'create', list: [] });
  const [pending, setPending] = useState<Doing>();

  const act = async (of: Doing, found: (CommandProblem | false)[], action: () => Promise<unknown>) => {
    if (pending) return;
    const list = found.filter((p): p is CommandProblem => p !== false);
    setProblems({ of, list });
    if (list.length > 0) {
      // The first field at fault gets the focus, as in every other form of the app.
      document.querySelector<HTMLElement>(`[data-sync-field="${list[0]!.field}"]`)?.focus();
      return;
    }
    setPending(of);
    try {
      await action();
    } catch (error) {
      setProblems({ of, list: [{ message: `${failureText(error)} Nothing was changed.` }] });
    } finally {
      setPending(undefined);
    }
  };

  const nameProblem = () => {
    const message = deviceNameProblem(deviceName);
    return message !== undefined && { message, field: 'deviceName' };
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    const message = serverProblem(server);
    void act('create', [message !== undefined && { message, field: 'server' }, nameProblem()], () =>
      ledger.sync.createSpace(server.trim(), deviceName.trim()),
    );
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    const message = pairingLinkProblem(link);
    void act('join', [nameProblem(), message !== undefined && { message, field: 'link' }], async () => {
      await ledger.sync.joinSpace(link.trim(), deviceName.trim());
      navigate('/accounts');
    });
  };

  const fieldProblems = problems.list.filter((p) => p.field !== undefined);
  const summary = (of: Doing) => (problems.of === of ? problems.list.filter((p) => p.field === undefined) : []);

  return (
    <FormProblemContext.Provider value={{ problems: fieldProblems, messageId: `${id}-problem` }}>
      <p>
        Keep this ledger on your phone and your laptop. Each device holds the whole ledger and works offline; a sync server you run
        passes the changes between them whenever they can reach it.
      </p>
      <form className="sync-form" onSubmit={create} noValidate aria-label="Create a sync space">
        <Field
          label="Sync server"
          name="server"
          data-sync-field="server"
          value={server}
          onChange={setServer}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          hint="Start one with npm run server; it listens here unless you chose another address."
        />
        <Field
          label="This device’s name"
          name="deviceName"
          data-sync-field="deviceName"
          value={deviceName}
          onChange={setDeviceName}
          autoComplete="off"
          maxLength={80}
          hint="The other devices name their changes by it."
        />
        <div className="form-buttons">
          <button type="submit" className="button button-primary" aria-disabled={pending !== undefined || undefined}>
            Create a sync space
          </button>
        </div>
        {pending === 'create' && <p role="status">Creating the sync space…</p>}
        <FormFeedback problems={summary('create')} problemId={`${id}-create`} />
      </form>
      <form className="sync-form sync-join" onSubmit={join} noValidate aria-labelledby={`${id}-join`}>
        <h3 id={`${id}-join`}>Already syncing on another device?</h3>
        <Field
          label="Pairing link"
          name="link"
          data-sync-field="link"
          value={link}
          onChange={setLink}
          autoComplete="off"
          spellCheck={false}
          hint="On that device: Data, Sync, Pair another device. This device’s ledger must be empty or hold only what the space holds."
        />
        <div className="form-buttons">
          <button type="submit" className="button" aria-disabled={pending !== undefined || undefined}>
            Join with a link
          </button>
        </div>
        {pending === 'join' && <p role="status">Joining…</p>}
        <FormFeedback problems={summary('join')} problemId={`${id}-join-problem`} />
      </form>
    </FormProblemContext.Provider>
  );
}
