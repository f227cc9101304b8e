import { useCallback, useState } from 'react';
import type { DispatchOptions, DispatchResult } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { describeError, ownersIn, type CommandProblem } from './describeError.ts';

export type SuccessText = string | ((result: DispatchResult) => string);

export interface CommandRun {
  pending: boolean;
  problem?: CommandProblem;
  success?: string;
  /**
   * Dispatches `command` (to the live log, or to the what-if branch when one is open). On success shows
   * `success` (text, or made from the result) and resolves to the result; on refusal shows the problem and
   * resolves to undefined.
   */
  run(command: unknown, success: SuccessText, options?: DispatchOptions): Promise<DispatchResult | undefined>;
  /** Shows a problem found before dispatching (an amount that does not parse). */
  fail(message: string, field?: string): void;
}

export interface CommandOptions {
  /**
   * Takes over telling the person it worked (a toast, a highlighted row): the form then keeps no success
   * text of its own.
   */
  onSuccess?(text: string, result: DispatchResult): void;
}

/** Runs one form's commands and keeps what to tell the person: pending, the problem, or the success. */
export function useCommand(options: CommandOptions = {}): CommandRun {
  const { onSuccess } = options;
  const ledger = useLedger();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<CommandProblem>();
  const [success, setSuccess] = useState<string>();

  const run = useCallback(
    async (command: unknown, successText: SuccessText, options?: DispatchOptions) => {
      setPending(true);
      setProblem(undefined);
      setSuccess(undefined);
      try {
        const inBranch = ledger.branch.getState().plan !== undefined;
        const result = await ledger.dispatch(command, options);
        const text = typeof successText === 'function' ? successText(result) : successText;
        const told = inBranch ? `${text} (Hypothetical: only in the what-if branch.)` : text;
        if (onSuccess) onSuccess(told, result);
        else setSuccess(told);
        return result;
      } catch (error) {
        setProblem(describeError(error, { ownerOf: ownersIn(ledger) }));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [ledger, onSuccess],
  );

  const fail = useCallback((message: string, field?: string) => {
    setSuccess(undefined);
    setProblem({ message, field });
  }, []);

  return { pending, problem, success, run, fail };
}
