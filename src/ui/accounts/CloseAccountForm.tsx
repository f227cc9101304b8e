import { useId, useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { CommandForm } from '../components/CommandForm.tsx';
import type { CommandRun } from '../components/useCommand.ts';

/**
 * Closing is for good, so it asks for a tick first; an account must be empty to close. The command is the
 * caller's: once the account is closed this form is gone, and the caller confirms it.
 */
export function CloseAccountForm({ account, command }: { account: AccountSummary; command: CommandRun }) {
  const [sure, setSure] = useState(false);
  const checkboxId = useId();
  const submit = () =>
    sure
      ? command.run({ type: 'CloseAccount', account: account.accountNumber }, 'The account is closed.')
      : command.fail('Tick the box to confirm that the account should be closed.', 'confirm');
  return (
    <CommandForm
      title="Close account"
      action="Close account"
      command={command}
      onSubmit={submit}
      tone="danger"
      description="A closed account takes no more money or changes, and its e-mail address can be used again. Move the money out first."
    >
      <div className="checkbox">
        <input id={checkboxId} type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} name="confirm" />
        <label htmlFor={checkboxId}>Yes, close this account for good</label>
      </div>
    </CommandForm>
  );
}
