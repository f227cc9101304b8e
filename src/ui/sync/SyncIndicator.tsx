import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { headerStatus, type StatusTone } from './statusWords.ts';
import './syncIndicator.css';

/** One shape per state, so the state never rests on colour alone. */
const ICONS: Record<StatusTone, string> = {
  synced: 'M3 8.5l3 3 7-7',
  waiting: 'M8 13V3M4 7l4-4 4 4',
  offline: 'M2 2l12 12M5 5.5A4 4 0 0 0 4 13h8M8.5 4a4 4 0 0 1 4 4.5',
  attention: 'M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.5',
};

/** In the header while sync is on: where it stands in a few words, linking to the Sync panel; nothing while it is off. */
export function SyncIndicator() {
  const ledger = useLedger();
  const status = useStore(ledger.sync.status);
  const shown = headerStatus(status);
  if (!shown) return null;
  return (
    <a className={`header-tool sync-indicator sync-${shown.tone}`} href="#/data">
      <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
        <path d={ICONS[shown.tone]} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="visually-hidden">Sync: </span>
      {shown.text}
    </a>
  );
}
