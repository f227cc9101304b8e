import { useCallback, useRef, useState } from 'react';

/** The server's or the sync client's words for a failure; they are written for a person already. */
export function failureText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'Something went wrong; nothing was changed.' : text;
}

/**
 * One sync button's request: pending while it runs (a second press does nothing), and its failure in words.
 * `run` resolves to whether it worked.
 */
export function useSyncAction() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setProblem(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(failureText(error));
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  return { pending, problem, setProblem, run };
}
