import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { formatMoney } from '../components/money.ts';
import { useCommand } from '../components/useCommand.ts';
import type { MovementFormProps } from './accountFeedback.ts';
import { AvailableBalance } from './AvailableBalance.tsx';
import { CategoryField } from './CategoryField.tsx';
import { NoteField } from './NoteField.tsx';
import { useAmountForm } from './useAmountForm.ts';

export function WithdrawForm({ account, categories, onSuccess }: MovementFormProps) {
  const command = useCommand({ onSuccess });
  const form = useAmountForm(command);
  const submit = () =>
    form.submit(
      (amount, details) => ({ type: 'Withdraw', account: account.accountNumber, amount, ...details }),
      (cents) => `Withdrew ${formatMoney(cents)}.`,
    );
  return (
    <CommandForm
      title="Withdraw"
      action="Withdraw"
      command={command}
      onSubmit={submit}
      description={account.verified ? undefined : 'Money can leave the account once it is verified.'}
    >
      <div className="amount-with-available">
        <AmountField value={form.amount} onChange={form.setAmount} />
        <AvailableBalance cents={account.balance} />
      </div>
      <CategoryField value={form.category} onChange={form.setCategory} suggestions={categories} />
      <NoteField value={form.note} onChange={form.setNote} />
    </CommandForm>
  );
}
