import { useEffect, useId, useRef, useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCountOf } from '../components/formatCount.ts';
import { useSyncAction } from './useSyncAction.ts';

/** "Disconnect this device", asking first and saying that the ledger stays here as it is. */
export function DisconnectDevice({ waiting }: { waiting: number }) {
  const ledger = useLedger();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  const disconnect = useSyncAction();

  // The question gets the focus, so a keyboard or screen reader user hears it.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  return (
    <section className="sync-disconnect" aria-labelledby={asking ? `${id}-title` : undefined}>
      {!asking ? (
        <div className="form-buttons">
          <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
            Disconnect this device…
          </button>
        </div>
      ) : (
        <>
          <h3 id={`${id}-title`} ref={question} tabIndex={-1}>
            Disconnect this device?
          </h3>
          <p>
            This device stops syncing. The ledger stays on this device as it is, and the other devices keep syncing with each other.
            {waiting > 0 && ` ${formatCountOf(waiting, 'change')} not yet sent will stay on this device only.`}
          </p>
          <div className="form-buttons">
            <button
              type="button"
              className="button button-danger"
              aria-disabled={disconnect.pending || undefined}
              onClick={() => void disconnect.run(() => ledger.sync.disconnect())}
            >
              Disconnect
            </button>
            <button type="button" className="button" onClick={() => !disconnect.pending && setAsking(false)}>
              Cancel
            </button>
          </div>
          {disconnect.problem && (
            <p className="form-problem" role="alert">
              {disconnect.problem}
            </p>
          )}
        </>
      )}
    </section>
  );
}
