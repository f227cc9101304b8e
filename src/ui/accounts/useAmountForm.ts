import { useState } from 'react';
import type { CommandProblem } from '../components/describeError.ts';
import { parseAmount } from '../components/money.ts';
import type { CommandRun, SuccessText } from '../components/useCommand.ts';
import { chosenCategory } from './categoryChoices.ts';

/** What a money form adds to its command besides the amount: the note, and the category only when one is chosen. */
export type MovementDetails = { note: string; category?: string };

/**
 * The amount, category and note of a money form. `submit` reads the amount the person's way and runs the command built
 * from the cents: an amount that does not read is shown under its field together with every other problem
 * (`found` by the form, or in the command's fields), and nothing is dispatched. The fields are cleared only
 * when the command was recorded.
 */
export function useAmountForm(command: CommandRun) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [category, setCategory] = useState('');
  const submit = async (
    build: (cents: number | undefined, details: MovementDetails) => object,
    success: (cents: number) => SuccessText,
    found: readonly CommandProblem[] = [],
  ) => {
    const parsed = parseAmount(amount);
    const problems = parsed.error === undefined ? found : [...found, { message: parsed.error, field: 'amount' }];
    const chosen = chosenCategory(category);
    const details: MovementDetails = chosen === undefined ? { note } : { note, category: chosen };
    const result = await command.run(build(parsed.cents, details), parsed.cents === undefined ? '' : success(parsed.cents), {
      found: problems,
    });
    if (!result) return;
    setAmount('');
    setNote('');
    setCategory('');
  };
  return { amount, setAmount, note, setNote, category, setCategory, submit };
}
