import { useState } from 'react';
import type { CommandProblem } from '../components/describeError.ts';
import { parseAmount } from '../components/money.ts';
import type { CommandRun, SuccessText } from '../components/useCommand.ts';

/**
 * The amount and note of a money form. `submit` reads the amount the person's way and runs the command built
 * from the cents: an amount that does not read is shown under its field together with every other problem
 * (`found` by the form, or in the command's fields), and nothing is dispatched. The fields are cleared only
 * when the command was recorded.
 */
export function useAmountForm(command: CommandRun) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const submit = async (
    build: (cents: number | undefined, note: string) => object,
    success: (cents: number) => SuccessText,
    found: readonly CommandProblem[] = [],
  ) => {
    const parsed = parseAmount(amount);
    const problems = parsed.error === undefined ? found : [...found, { message: parsed.error, field: 'amount' }];
    const result = await command.run(build(parsed.cents, note), parsed.cents === undefined ? '' : success(parsed.cents), {
      found: problems,
    });
    if (!result) return;
    setAmount('');
    setNote('');
  };
  return { amount, setAmount, note, setNote, submit };
}
