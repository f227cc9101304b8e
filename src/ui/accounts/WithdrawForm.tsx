import type { AccountSummary } from '../../domain/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { formatMoney } from '../components/money.ts';
import { useCommand } from '../components/useCommand.ts';
import { NoteField } from './NoteField.tsx';
import { useAmountForm } from './useAmountForm.ts';

export function WithdrawForm({ account }: { account: AccountSummary }) {
  const command = useCommand();
  const form = useAmountForm(command);
  const submit = () =>
    form.submit(
      (amount, note) => ({ type: 'Withdraw', account: account.accountNumber, amount, note }),
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
      <AmountField value={form.amount} onChange={form.setAmount} />
      <NoteField value={form.note} onChange={form.setNote} />
    </CommandForm>
  );
}
