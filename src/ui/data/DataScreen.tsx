import { useEffect, useId, useState, type ReactNode } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useLiveView } from '../ledger/useView.ts';
import { StoragePanel } from './StoragePanel.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { StartOverPanel } from './StartOverPanel.tsx';
import { forgetOutcome, readOutcome } from './outcome.ts';
import { newerEventsHeld } from './newerEventsText.ts';
import { useLogExport } from './useLogExport.ts';
import '../components/components.css';
import './data.css';

/**
 * #/data: syncing with other devices (`sync`, composed in by the routes), export and import the log, the backup
 * an import left, how safe the data is on this device, and starting over.
 */
export function DataScreen({ sync }: { sync?: ReactNode }) {
  const ledger = useLedger();
  const titleId = useId();
  const exportId = useId();
  const exporter = useLogExport();
  const [outcome] = useState(readOutcome);
  // Forgotten only once shown: a render React throws away must not swallow it.
  useEffect(() => {
    if (outcome) forgetOutcome();
  }, [outcome]);
  const [streams, setStreams] = useState<string[]>([]);
  // What the log holds, whatever the screens show: the past or a branch does not change what an export carries.
  const newerEvents = useLiveView((s) => s.totals.newerEvents);

  useEffect(() => {
    void ledger.queries.streamNames().then(setStreams);
  }, [ledger]);

  // The export starts within the click (a save picker needs the gesture); its progress shows in the Export card.
  const exportFromStoragePanel = () => {
    void exporter.start({ kind: 'all' });
    document.getElementById(exportId)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="screen data-screen" aria-labelledby={titleId}>
      <h1 id={titleId}>Data</h1>
      {outcome && (
        <p className="data-outcome" role="status">
          {outcome}
        </p>
      )}
      {newerEvents > 0 && <p className="data-newer">{newerEventsHeld(newerEvents)}</p>}
      {sync}
      <ExportPanel id={exportId} exporter={exporter} streams={streams} />
      <ImportPanel />
      <BackupPanel />
      <div className="card data-card">
        <StoragePanel onExport={exportFromStoragePanel} />
      </div>
      <StartOverPanel />
    </section>
  );
}
