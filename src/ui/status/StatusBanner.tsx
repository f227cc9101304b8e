import { useId } from 'react';
import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { statusText } from './statusText.ts';
import '../components/components.css';
import './status.css';

/**
 * App-level trouble with the log's storage, in words, with the one thing to do
 * about it: a full disk (export, then free space), a lost connection, a newer
 * version of the app or an import in another tab (reload). Nothing while all is
 * well. Mount it once, inside the ledger's provider, above the screens.
 */
export function StatusBanner() {
  const ledger = useLedger();
  const health = useStore(ledger.health);
  const titleId = useId();
  const status = statusText(health);
  if (!status) return null;
  return (
    <section className={`status-banner status-${status.tone}`} role="alert" aria-labelledby={titleId}>
      <p>
        <strong id={titleId}>{status.title}</strong> <span>{status.text}</span>
      </p>
      {status.action === 'reload' ? (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : (
        <a className="button" href="#/data">
          Export log
        </a>
      )}
    </section>
  );
}
