import { useId, useState } from 'react';
import { getAccount, listAccounts, type AccountSummary } from '../../domain/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { Field } from '../components/Field.tsx';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { useProblemProps } from '../components/formContext.ts';
import { formatMoney } from '../components/money.ts';
import { useCommand } from '../components/useCommand.ts';
import { useView } from '../ledger/useView.ts';
import { CategoryField } from './CategoryField.tsx';
import { NoteField } from './NoteField.tsx';
import { useAmountForm } from './useAmountForm.ts';
import type { MovementFormProps } from './accountFeedback.ts';
import { AvailableBalance } from './AvailableBalance.tsx';

const TYPED = 'typed';

/**
 * Sends money to another account, chosen from the open accounts this version can change (one changed by a
 * newer Rewind is refused as a receiver) or typed as a number.
 */
export function TransferForm({ account, categories, onSuccess }: MovementFormProps) {
  const command = useCommand({ onSuccess });
  const form = useAmountForm(command);
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const others = useView((s) => listAccounts(s.accounts)).filter(
    (a) => a.status === 'open' && a.newerEvents === 0 && a.accountNumber !== account.accountNumber,
  );
  const accounts = useView((s) => s.accounts);
  const to = choice === TYPED ? typed : choice;

  // No receiver chosen is said together with any problem with the amount.
  const unchosen = to.trim() === '' ? [{ message: 'Choose the account to send the money to.', field: 'to' }] : [];
  const submit = () =>
    form.submit(
      (amount, details) => ({ type: 'Transfer', from: account.accountNumber, to, amount, ...details }),
      (cents) => {
        const number = to.replace(/[\s-]/g, '');
        const receiver = getAccount(accounts, number)?.owner ?? formatAccountNumber(number);
        return `Sent ${formatMoney(cents)} to ${receiver}.`;
      },
      unchosen,
    );

  return (
    <CommandForm title="Transfer" action="Transfer" command={command} onSubmit={submit}>
      <ReceiverSelect value={choice} onChange={setChoice} accounts={others} />
      {choice === TYPED && (
        <Field
          label="Receiving account number"
          name="to"
          value={typed}
          onChange={setTyped}
          inputMode="numeric"
          autoComplete="off"
          placeholder="1234 5678 9012 3456"
        />
      )}
      <div className="amount-with-available">
        <AmountField value={form.amount} onChange={form.setAmount} />
        <AvailableBalance cents={account.balance} />
      </div>
      <CategoryField value={form.category} onChange={form.setCategory} suggestions={categories} />
      <NoteField value={form.note} onChange={form.setNote} />
    </CommandForm>
  );
}

function ReceiverSelect({ value, onChange, accounts }: { value: string; onChange(v: string): void; accounts: AccountSummary[] }) {
  const id = useId();
  // With a number typed, the receiver's problem is the typed field's: it shows there and takes the focus.
  const problem = useProblemProps(value === TYPED ? 'to-choice' : 'to');
  return (
    <div className="field">
      <label htmlFor={id}>To</label>
      <select id={id} name="to" value={value} onChange={(e) => onChange(e.target.value)} {...problem}>
        <option value="">Choose an account</option>
        {accounts.map((a) => (
          <option key={a.accountNumber} value={a.accountNumber}>
            {a.owner} · {formatAccountNumber(a.accountNumber)}
          </option>
        ))}
        <option value={TYPED}>Another account number…</option>
      </select>
    </div>
  );
}
