import { useState } from 'react';
import type { AccountSummary } from '../../domain/index.ts';
import { CommandForm } from '../components/CommandForm.tsx';
import { Field } from '../components/Field.tsx';
import { useCommand } from '../components/useCommand.ts';

/** The 6-digit code from the verification message; shown until the account is verified (and to say it is). */
export function VerifyForm({ account }: { account: AccountSummary }) {
  const command = useCommand();
  const [code, setCode] = useState('');
  if (account.verified && !command.success) return null;
  const submit = () =>
    command.run({ type: 'VerifyAccount', account: account.accountNumber, code }, 'Verified: money can now leave this account.');
  return (
    <CommandForm title="Verify" action="Verify" command={command} onSubmit={submit} blocked={account.verified}>
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
