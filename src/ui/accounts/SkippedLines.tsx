import { useState } from 'react';
import { useStore } from 'zustand';
import type { HistoryEntry } from '../../domain/index.ts';
import { formatDateTime } from '../components/dates.ts';
import { Money } from '../components/Money.tsx';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { HISTORY_LABELS } from './historyLabel.ts';

export interface BranchSkips {
  /** Lines skipped from this screen that the open branch still leaves out. */
  skipped: HistoryEntry[];
  /** A change to the branch is being replayed. */
  busy: boolean;
  skip(entry: HistoryEntry): void;
  include(entry: HistoryEntry): void;
}

// A refused change is told by the what-if banner, from the branch's error.
const toldByBanner = () => undefined;

/**
 * Skipping real events of the account in the open what-if branch. A skipped event leaves the branch's
 * history, so the lines skipped here are kept to be included again.
 */
export function useBranchSkips(): BranchSkips {
  const { branch } = useLedger();
  const planned = useStore(branch, (s) => s.plan?.skip);
  const busy = useStore(branch, (s) => s.loading);
  const [asked, setAsked] = useState<HistoryEntry[]>([]);
  const skipped = asked.filter((entry) => planned?.includes(entry.seq));
  const toggle = (entry: HistoryEntry) => void branch.toggleSkip(entry.seq).catch(toldByBanner);
  return {
    skipped,
    busy,
    skip: (entry) => {
      setAsked((lines) => [entry, ...lines.filter((line) => line.seq !== entry.seq)]);
      toggle(entry);
    },
    include: toggle,
  };
}

/** The lines skipped from this screen in the branch, each with "Include again". */
export function SkippedLines({ skips }: { skips: BranchSkips }) {
  if (skips.skipped.length === 0) return null;
  return (
    <div className="history-skipped">
      <h3>Skipped in this branch</h3>
      <ul className="history-list">
        {skips.skipped.map((entry) => (
          <li key={entry.id} className="history-line">
            <div className="history-what">
              <s className="history-kind">{HISTORY_LABELS[entry.kind]}</s>
              <time className="history-time" dateTime={entry.at}>
                {formatDateTime(entry.at)}
              </time>
              <button type="button" className="button button-small history-skip" disabled={skips.busy} onClick={() => skips.include(entry)}>
                Include again
              </button>
            </div>
            <div className="history-amounts">{entry.change !== 0 && <Money cents={entry.change} showSign />}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
