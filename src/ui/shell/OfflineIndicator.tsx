import { usePwa } from '../components/usePwa.ts';
import './offline.css';

/** Says when the network is gone. The live region stays mounted so that screen readers announce changes. */
export function OfflineIndicator() {
  const offline = usePwa((s) => s.offline);
  return (
    <div className="pwa-offline" role="status">
      {offline && (
        <>
          <strong>Offline</strong> <span>Everything works except sending messages; they wait in the outbox.</span>
        </>
      )}
    </div>
  );
}
