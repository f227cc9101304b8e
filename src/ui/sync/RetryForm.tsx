import { useState } from 'react';
import type { SyncConflict } from '../../app/index.ts';
import { AmountField } from '../components/AmountField.tsx';
import { CommandForm } from '../components/CommandForm.tsx';
import { parseAmount } from '../components/money.ts';
import { numberStyle } from '../components/numberStyle.ts';
import { useCommand } from '../components/useCommand.ts';
import { useViewInfo } from '../ledger/useView.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { commandAmount, withAmount } from './conflictWords.ts';
import { failureText } from './useSyncAction.ts';

/** The amount written the person's way ("30,00" in de-DE), as they would type it. */
const amountText = (cents: number | undefined) => (cents === undefined ? '' : numberStyle().number(cents / 100));

/**
 * "Change and retry": the refused command with its amount to change, run on the real ledger; once it lands
 * the conflict is dismissed. A refusal says why under the form, changing nothing.
 */
export function RetryForm({ conflict }: { conflict: SyncConflict }) {
  const ledger = useLedger();
  const command = useCommand();
  const { mode } = useViewInfo();
  const original = commandAmount(conflict.command);
  const [amount, setAmount] = useState(amountText(original));
  const takesAmount = original !== undefined || conflict.command.type === 'OpenAccount';

  const submit = async () => {
    // An account opened without a first deposit may stay without one; every other amount must read.
    const parsed = takesAmount && (amount.trim() !== '' || conflict.command.type !== 'OpenAccount') ? parseAmount(amount) : undefined;
    const found = parsed?.error === undefined ? [] : [{ message: parsed.error, field: conflict.command.type === 'OpenAccount' ? 'initialDeposit' : 'amount' }];
    const changed = takesAmount ? withAmount(conflict.command, parsed?.cents) : conflict.command;
    const result = await command.run(changed, 'Recorded.', { found });
    if (!result) return;
    try {
      await ledger.sync.dismissConflict(conflict.id);
    } catch (error) {
      command.fail(`Recorded, but the notice could not be dismissed: ${failureText(error)}`);
    }
  };

  return (
    <CommandForm
      title={takesAmount ? 'Change and retry' : 'Retry'}
      action="Retry"
      command={command}
      onSubmit={submit}
      blocked={mode === 'branch'}
      description={mode === 'branch' ? 'A what-if branch is open: close it to retry on the real ledger.' : undefined}
      className="sync-retry"
    >
      {takesAmount && (
        <AmountField
          value={amount}
          onChange={setAmount}
          name={conflict.command.type === 'OpenAccount' ? 'initialDeposit' : 'amount'}
          label={conflict.command.type === 'OpenAccount' ? 'Initial deposit' : 'Amount'}
          required={conflict.command.type !== 'OpenAccount'}
        />
      )}
    </CommandForm>
  );
}
