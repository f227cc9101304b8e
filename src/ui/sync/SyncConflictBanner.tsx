import { useStore } from 'zustand';
import { formatCount } from '../components/formatCount.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import './syncIndicator.css';

/** Above the accounts while a change of this device was refused after syncing and not yet dismissed: says so, and where to act. */
export function SyncConflictBanner() {
  const ledger = useLedger();
  const refused = useStore(ledger.sync.status, (s) =>
    s.conflicts.reduce((n, c) => n + (c.outcome === 'refused' ? 1 : 0), 0),
  );
  if (refused === 0) return null;
  return (
    <section className="sync-banner" aria-label="Sync">
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 16 16">
        <path d="M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p>
        <strong>
          {refused === 1 ? 'A change made on this device was' : `${formatCount(refused)} changes made on this device were`} refused after syncing.
        </strong>{' '}
        Another device changed the same account first. <a href="#/data">Review in Sync</a>
      </p>
    </section>
  );
}
