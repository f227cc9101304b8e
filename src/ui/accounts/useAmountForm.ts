import { useState } from 'react';
import { parseAmount } from '../components/money.ts';
import type { CommandRun, SuccessText } from '../components/useCommand.ts';

/**
 * The amount and note of a money form. `submit` parses the amount (a problem shows beside the form), runs
 * the command built from the cents, and clears the fields only when it was recorded.
 */
export function useAmountForm(command: CommandRun) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const submit = async (build: (cents: number, note: string) => object, success: (cents: number) => SuccessText) => {
    const parsed = parseAmount(amount);
    if (parsed.error !== undefined) return command.fail(parsed.error, 'amount');
    const result = await command.run(build(parsed.cents, note), success(parsed.cents));
    if (!result) return;
    setAmount('');
    setNote('');
  };
  return { amount, setAmount, note, setNote, submit };
}
