import { useEffect, useId, useState } from 'react';
import { formatBytes } from '../components/formatBytes.ts';
import { usePwa } from '../components/usePwa.ts';
import './data.css';

export interface StoragePanelProps {
  /** Starts an export of the log; when given, the panel offers an "Export log" button beside the advice. */
  onExport?: () => void;
}

type Request = 'idle' | 'asking' | 'declined';

/** How safe Rewind's data is on this device: persistence, space used and free, and offline readiness. */
export function StoragePanel({ onExport }: StoragePanelProps) {
  const storage = usePwa((s) => s.storage);
  const offlineReady = usePwa((s) => s.offlineReady);
  const serviceWorkerError = usePwa((s) => s.serviceWorkerError);
  const refreshStorage = usePwa((s) => s.refreshStorage);
  const requestPersistence = usePwa((s) => s.requestPersistence);
  const [request, setRequest] = useState<Request>('idle');
  const titleId = useId();

  useEffect(() => {
    void refreshStorage();
  }, [refreshStorage]);

  const ask = async () => {
    setRequest('asking');
    setRequest((await requestPersistence()) ? 'idle' : 'declined');
  };

  const { persisted, usage, quota } = storage;
  return (
    <section className="pwa-storage" aria-labelledby={titleId}>
      <h2 id={titleId}>Storage on this device</h2>
      <dl>
        <dt>Used</dt>
        <dd>{usage === null ? 'Unknown' : formatBytes(usage)}</dd>
        <dt>Available</dt>
        <dd>{usage === null || quota === null ? 'Unknown' : formatBytes(Math.max(0, quota - usage))}</dd>
        <dt>Persistent storage</dt>
        <dd>{persisted === null ? 'Unknown' : persisted ? 'Granted' : 'Not granted'}</dd>
        <dt>Works offline</dt>
        <dd>{offlineReady ? 'Yes' : (serviceWorkerError ?? 'Not yet: open Rewind once more while online.')}</dd>
      </dl>
      {storage.error && <p role="alert">{storage.error}</p>}
      {persisted ? (
        <p>The browser keeps Rewind’s data until you clear it yourself. Export log now and then in case the device is lost.</p>
      ) : (
        <>
          <p>
            Without persistent storage the browser may delete Rewind’s data to free space when the device runs
            low, and Safari deletes it after seven days without a visit unless Rewind is on the Home Screen.
            Keep a backup with <strong>Export log</strong>.
          </p>
          {persisted === false && (
            <button type="button" className="button" onClick={() => void ask()} disabled={request === 'asking'}>
              Keep data on this device
            </button>
          )}
          {request === 'declined' && (
            <p role="status">
              The browser declined. Browsers grant this to sites you use often or install: add Rewind to your home
              screen, and keep exporting.
            </p>
          )}
        </>
      )}
      {onExport && (
        <button type="button" className="button" onClick={onExport}>
          Export log
        </button>
      )}
    </section>
  );
}
