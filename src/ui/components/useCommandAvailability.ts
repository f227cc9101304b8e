import { useViewInfo } from '../ledger/useView.ts';

export interface CommandAvailability {
  /** Commands cannot run: the screens show the past. */
  disabled: boolean;
  /** Commands run in the what-if branch: nothing is written to the real log. */
  hypothetical: boolean;
}

export function useCommandAvailability(): CommandAvailability {
  const { mode } = useViewInfo();
  return { disabled: mode === 'past', hypothetical: mode === 'branch' };
}
