import { useId, useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { CommandForm } from '../components/CommandForm.tsx';
import { Sheet } from '../components/Sheet.tsx';
import { useCommand } from '../components/useCommand.ts';
import type { TellSuccess } from './accountFeedback.ts';
import { closeConfirmation } from './closeConfirmation.ts';

/** Closing the account, apart from everyday actions, behind a confirmation that names the account. */
export function DangerZone({ account, onSuccess }: { account: AccountSummary; onSuccess: TellSuccess }) {
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const keep = () => setAsking(false);
  return (
    <section className="card danger-zone" aria-labelledby={titleId}>
      <h2 id={titleId}>Danger zone</h2>
      <p>
        Closing is for good: a closed account takes no more money or changes, and its e-mail address can be used again. Its
        history stays.
      </p>
      <button type="button" className="button button-danger" aria-haspopup="dialog" onClick={() => setAsking(true)}>
        Close account
      </button>
      {asking && (
        <Sheet label="Close account" closeLabel="Keep the account" onClose={keep}>
          <ConfirmClose account={account} onSuccess={onSuccess} />
        </Sheet>
      )}
    </section>
  );
}

function ConfirmClose({ account, onSuccess }: { account: AccountSummary; onSuccess: TellSuccess }) {
  const command = useCommand({ onSuccess });
  const words = closeConfirmation(account);
  const submit = () => command.run({ type: 'CloseAccount', account: account.accountNumber }, words.done);
  return (
    <CommandForm
      title="Close account"
      action="Close account"
      command={command}
      onSubmit={submit}
      tone="danger"
      description={
        <>
          <p>{words.question}</p>
          <p>{words.balance}</p>
        </>
      }
    >
      {null}
    </CommandForm>
  );
}
