import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { ConflictList } from './ConflictList.tsx';
import { SyncDetails } from './SyncDetails.tsx';
import { SyncSetup } from './SyncSetup.tsx';
import './sync.css';

/** The Sync card on the Data screen: how to start syncing while it is off; where it stands, and any conflicts, while it is on. */
export function SyncPanel() {
  const ledger = useLedger();
  const status = useStore(ledger.sync.status);
  return (
    <section className="card data-card sync-panel" id="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      {status.phase === 'off' ? <SyncSetup /> : <SyncDetails status={status} />}
      <ConflictList conflicts={status.conflicts} />
    </section>
  );
}
