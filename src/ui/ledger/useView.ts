import { useStore } from 'zustand';
import { asLedgerStates, type LedgerStates } from '../../app/index.ts';
import type { ScreenLedger } from './LedgerContext.tsx';
import { useLedger } from './LedgerContext.tsx';

export type ViewMode = 'live' | 'past' | 'branch';

export interface ViewInfo {
  mode: ViewMode;
  /** The seq of the last real event the screens reflect. */
  seq: number;
  /** The live log's last seq (keeps moving while viewing the past). */
  liveSeq: number;
  /** When the viewed event was recorded, while viewing the past. */
  at?: string;
}

/** What the screens show: a what-if branch when one is open, else the past being viewed, else now. */
export function useViewInfo(): ViewInfo {
  const ledger = useLedger();
  const branchTo = useStore(ledger.branch, (s) => (s.plan ? (s.result?.toSeq ?? s.plan.basePoint) : undefined));
  const pastSeq = useStore(ledger.travel, (s) => s.past?.seq);
  const pastAt = useStore(ledger.travel, (s) => s.past?.at);
  const liveSeq = useStore(ledger.image, (s) => s.seq);
  if (branchTo !== undefined) return { mode: 'branch', seq: branchTo, liveSeq };
  if (pastSeq !== undefined) return { mode: 'past', seq: pastSeq, liveSeq, at: pastAt };
  return { mode: 'live', seq: liveSeq, liveSeq };
}

/**
 * Reads the read models as the screens should show them (branch, past or now).
 * `select` should be cheap: it runs on every render.
 */
export function useView<T>(select: (states: LedgerStates) => T): T {
  const ledger = useLedger();
  const branch = useStore(ledger.branch, (s) => (s.plan ? s.result?.states : undefined));
  const past = useStore(ledger.travel, (s) => s.past?.states);
  const live = useStore(ledger.image, (s) => s.states);
  return select(asLedgerStates(branch ?? past ?? live));
}

/** What useView shows, read once outside rendering (an event handler's words about the accounts on screen). */
export function viewedStates(ledger: Pick<ScreenLedger, 'branch' | 'travel' | 'image'>): LedgerStates {
  const branch = ledger.branch.getState();
  const shown = (branch.plan ? branch.result?.states : undefined) ?? ledger.travel.getState().past?.states;
  return asLedgerStates(shown ?? ledger.image.getState().states);
}

/** The real present, whatever the screens show: for comparisons with a branch. */
export function useLiveView<T>(select: (states: LedgerStates) => T): T {
  const ledger = useLedger();
  return select(asLedgerStates(useStore(ledger.image, (s) => s.states)));
}
