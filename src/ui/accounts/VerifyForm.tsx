import { useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { CommandForm } from '../components/CommandForm.tsx';
import { Field } from '../components/Field.tsx';
import { useCommand } from '../components/useCommand.ts';
import type { TellSuccess } from './accountFeedback.ts';

/** A banner asking for the 6-digit code from the verification message; the caller shows it only while the account is unverified. */
export function VerifyForm({ account, onSuccess }: { account: AccountSummary; onSuccess: TellSuccess }) {
  const command = useCommand({ onSuccess });
  const [code, setCode] = useState('');
  const submit = () =>
    command.run({ type: 'VerifyAccount', account: account.accountNumber, code }, 'Verified: money can now leave this account.');
  return (
    <CommandForm
      title="Verify this account"
      action="Verify"
      command={command}
      onSubmit={submit}
      className="verify-banner"
      description="Money can leave the account once it is verified."
    >
      <Field
        label="Verification code"
        name="code"
        value={code}
        onChange={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="6 digits"
        hint={
          <>
            The code is in the verification message in the <a href="#/outbox">Outbox</a>.
          </>
        }
      />
    </CommandForm>
  );
}
