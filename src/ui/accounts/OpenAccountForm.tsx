import { useState } from 'react';
import type { DispatchResult } from '../../app/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { Field } from '../components/Field.tsx';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { parseAmount } from '../components/money.ts';
import { useCommand } from '../components/useCommand.ts';

function openedNumber(result: DispatchResult): string | undefined {
  const opened = result.events.find((e) => e.type === 'AccountOpened');
  return opened?.type === 'AccountOpened' ? opened.payload.accountNumber : undefined;
}

/** Owner, e-mail and an optional first deposit; the verification code then waits in the Outbox. */
export function OpenAccountForm() {
  const command = useCommand();
  const [owner, setOwner] = useState('');
  const [email, setEmail] = useState('');
  const [deposit, setDeposit] = useState('');

  const submit = async () => {
    // Optional: left blank it is no deposit; typed, it must read as an amount, shown with the other problems.
    const parsed = deposit.trim() === '' ? undefined : parseAmount(deposit);
    const found = parsed?.error === undefined ? [] : [{ message: parsed.error, field: 'initialDeposit' }];
    const name = owner.trim();
    const opening = { type: 'OpenAccount', owner, email, initialDeposit: parsed?.cents };
    const result = await command.run(
      opening,
      (r) => {
        const number = openedNumber(r);
        return `Opened account ${number ? formatAccountNumber(number) : ''} for ${name}. Its verification code is in the Outbox.`;
      },
      { found },
    );
    if (!result) return;
    setOwner('');
    setEmail('');
    setDeposit('');
  };

  return (
    <CommandForm
      title="Open an account"
      action="Open account"
      command={command}
      onSubmit={submit}
      className="open-account-form"
      description="A verification code is sent to the e-mail address; money can leave the account once it is verified."
    >
      <Field label="Owner" name="owner" value={owner} onChange={setOwner} autoComplete="name" required />
      <Field label="E-mail" name="email" type="email" value={email} onChange={setEmail} autoComplete="email" required />
      <AmountField label="Initial deposit, optional" name="initialDeposit" value={deposit} onChange={setDeposit} required={false} />
    </CommandForm>
  );
}
