import { useCallback, useEffect, useMemo, useState } from 'react';
import { Sheet } from '../components/Sheet.tsx';
import { PHONE_QUERY, useMediaQuery } from '../components/useMediaQuery.ts';
import { useView } from '../ledger/useView.ts';
import type { MovementFormProps, TellSuccess } from './accountFeedback.ts';
import { AddFundsForm } from './AddFundsForm.tsx';
import { suggestedCategories } from './categoryChoices.ts';
import { TransferForm } from './TransferForm.tsx';
import { WithdrawForm } from './WithdrawForm.tsx';

type Action = 'deposit' | 'withdraw' | 'transfer';

const ACTIONS: { id: Action; label: string }[] = [
  { id: 'deposit', label: 'Add funds' },
  { id: 'withdraw', label: 'Withdraw' },
  { id: 'transfer', label: 'Transfer' },
];

/**
 * The everyday actions of an open account, one at a time: a switcher, and the chosen form beside the history
 * on a larger screen (Add funds until another is chosen), or in a bottom sheet on a phone, where nothing is
 * open until asked so the history shows on the first screen.
 */
export function AccountActions({ account, categories, onSuccess }: MovementFormProps) {
  const phone = useMediaQuery(PHONE_QUERY);
  const [chosen, setChosen] = useState<Action>();
  const shown = chosen ?? (phone ? undefined : 'deposit');
  // A window narrowed to a phone's width (or widened) starts again from what that size shows first, rather than pop a sheet open.
  useEffect(() => setChosen(undefined), [phone]);
  const closeSheet = useCallback(() => setChosen(undefined), []);
  // The ledger's spending names every category a withdrawal used, on any account.
  const spent = useView((s) => s.spending.categories);
  const suggestions = useMemo(() => suggestedCategories([...categories, ...spent]), [categories, spent]);
  const done = useCallback<TellSuccess>(
    (text, result) => {
      onSuccess(text, result);
      // On a phone the sheet makes way for the history, where the new line shows.
      if (phone) closeSheet();
    },
    [onSuccess, phone, closeSheet],
  );

  const form =
    shown === 'deposit' ? (
      <AddFundsForm accountNumber={account.accountNumber} categories={suggestions} onSuccess={done} />
    ) : shown === 'withdraw' ? (
      <WithdrawForm account={account} categories={suggestions} onSuccess={done} />
    ) : shown === 'transfer' ? (
      <TransferForm account={account} categories={suggestions} onSuccess={done} />
    ) : undefined;

  return (
    <div className="account-actions">
      <div className="action-switcher" role="group" aria-label="Actions">
        {ACTIONS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="action-choice"
            aria-pressed={phone ? undefined : shown === id}
            aria-haspopup={phone ? 'dialog' : undefined}
            onClick={() => setChosen(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {form &&
        (phone ? (
          <Sheet label={ACTIONS.find((a) => a.id === shown)!.label} onClose={closeSheet}>
            {form}
          </Sheet>
        ) : (
          form
        ))}
    </div>
  );
}
