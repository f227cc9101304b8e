import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { formatMoney } from '../components/money.ts';
import { useCommand } from '../components/useCommand.ts';
import type { TellSuccess } from './accountFeedback.ts';
import { CategoryField } from './CategoryField.tsx';
import { NoteField } from './NoteField.tsx';
import { useAmountForm } from './useAmountForm.ts';

export function AddFundsForm({
  accountNumber,
  categories,
  onSuccess,
}: {
  accountNumber: string;
  /** What the Category field suggests. */
  categories: readonly string[];
  onSuccess: TellSuccess;
}) {
  const command = useCommand({ onSuccess });
  const form = useAmountForm(command);
  const submit = () =>
    form.submit(
      (amount, details) => ({ type: 'AddFunds', account: accountNumber, amount, ...details }),
      (cents) => `Added ${formatMoney(cents)}.`,
    );
  return (
    <CommandForm title="Add funds" action="Add funds" command={command} onSubmit={submit}>
      <AmountField value={form.amount} onChange={form.setAmount} />
      <CategoryField value={form.category} onChange={form.setCategory} suggestions={categories} />
      <NoteField value={form.note} onChange={form.setNote} />
    </CommandForm>
  );
}
