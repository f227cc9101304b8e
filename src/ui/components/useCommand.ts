import { useCallback, useState } from 'react';
import type { DispatchOptions, DispatchResult } from '../../app/index.ts';
import { commandProblems } from '../../domain/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { describeError, ownersIn, type CommandProblem } from './describeError.ts';

export type SuccessText = string | ((result: DispatchResult) => string);

export interface RunOptions extends DispatchOptions {
  /** Problems the form found itself (an amount that does not parse): shown with the command's, for their fields instead. */
  found?: readonly CommandProblem[];
}

export interface CommandRun {
  pending: boolean;
  /** Everything wrong with the last try, each with the field at fault when there is one; empty when nothing is. */
  problems: readonly CommandProblem[];
  /** The first of `problems`. */
  problem?: CommandProblem;
  success?: string;
  /**
   * Checks `command`'s fields and shows every problem at once without dispatching; else dispatches it (to the
   * live log, or to the what-if branch when one is open). On success shows `success` (text, or made from the
   * result) and resolves to the result; on refusal shows the problem and resolves to undefined.
   */
  run(command: unknown, success: SuccessText, options?: RunOptions): Promise<DispatchResult | undefined>;
  /** Shows a problem found before dispatching (a box not ticked). */
  fail(message: string, field?: string): void;
}

const NONE: readonly CommandProblem[] = [];

export interface CommandOptions {
  /**
   * Takes over telling the person it worked (a toast, a highlighted row): the form then keeps no success
   * text of its own.
   */
  onSuccess?(text: string, result: DispatchResult): void;
}

/** Runs one form's commands and keeps what to tell the person: pending, the problems, or the success. */
export function useCommand(options: CommandOptions = {}): CommandRun {
  const { onSuccess } = options;
  const ledger = useLedger();
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState(NONE);
  const [success, setSuccess] = useState<string>();

  const run = useCallback(
    async (command: unknown, successText: SuccessText, options?: RunOptions) => {
      const { found = NONE, ...meta } = options ?? {};
      const checked = commandProblems(command)
        .filter((p) => !found.some((f) => f.field !== undefined && f.field === p.field))
        .map((p) => describeError(p));
      setSuccess(undefined);
      if (found.length > 0 || checked.length > 0) {
        // A new list each time, so the form moves focus to the first field at fault on every try.
        setProblems([...found, ...checked]);
        return undefined;
      }
      setPending(true);
      setProblems(NONE);
      try {
        const inBranch = ledger.branch.getState().plan !== undefined;
        const result = await ledger.dispatch(command, options === undefined ? undefined : meta);
        const text = typeof successText === 'function' ? successText(result) : successText;
        const told = inBranch ? `${text} (Hypothetical: only in the what-if branch.)` : text;
        if (onSuccess) onSuccess(told, result);
        else setSuccess(told);
        return result;
      } catch (error) {
        setProblems([describeError(error, { ownerOf: ownersIn(ledger) })]);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [ledger, onSuccess],
  );

  const fail = useCallback((message: string, field?: string) => {
    setSuccess(undefined);
    setProblems([{ message, field }]);
  }, []);

  return { pending, problems, problem: problems[0], success, run, fail };
}
