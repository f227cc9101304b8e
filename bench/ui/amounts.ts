/** One command of the command phase: which form, and the amount typed into it. */
export interface CommandPlan {
  /** The form's title, its submit button's name and the history line's kind. */
  form: 'Add funds' | 'Withdraw';
  kind: 'Deposit' | 'Withdrawal';
  cents: number;
  /** The amount the plain way ("123.45"), which every locale's amount field reads. */
  typed: string;
  /** The signed amount as a decimal string ("-1.23"), for the page to format the way the history line shows it. */
  signed: string;
}

const DEPOSIT_BASE = 10_000;
const WITHDRAWAL_BASE = 100;

/**
 * The `index`th command: deposits, and with `withdrawals` every other one a
 * small withdrawal. Amounts differ from one command of a kind to the next,
 * so a new history line can be told from the one before; withdrawals stay
 * below the deposit before them, so the balance never runs short.
 */
export function commandPlan(seed: number, index: number, withdrawals: boolean): CommandPlan {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`A command's index is a whole number from 0, not ${index}.`);
  const offset = Math.abs(Math.trunc(seed)) % 100;
  const withdrawal = withdrawals && index % 2 === 1;
  const cents = withdrawal ? WITHDRAWAL_BASE + offset + index * 3 : DEPOSIT_BASE + offset + index * 137;
  const typed = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return withdrawal
    ? { form: 'Withdraw', kind: 'Withdrawal', cents, typed, signed: `-${typed}` }
    : { form: 'Add funds', kind: 'Deposit', cents, typed, signed: typed };
}
