import { useRef, useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';
import '../components/components.css';
import './status.css';

/**
 * For a log whose event `seq` is damaged: exports every event before it (seq 1
 * to seq − 1) as a sound log file. Exporting the whole log would stop at the
 * damaged event; this part can be imported elsewhere, or here after a reset.
 */
export function DamagedLogExport({ seq }: { seq: number }) {
  const ledger = useLedger();
  const [state, setState] = useState<{ running?: boolean; done?: string; problem?: string }>({});
  const running = useRef(false);
  const last = seq - 1;

  if (last < 1) return <p className="status-export">The damaged event is the first one, so no event before it can be exported.</p>;

  // Runs straight from the click: a save picker may only open within the person's gesture.
  const start = async () => {
    if (running.current) return;
    running.current = true;
    setState({ running: true });
    try {
      const exported = await ledger.files.exportLog({ selection: { kind: 'seq', fromSeq: 1, toSeq: last } });
      setState(
        exported
          ? { done: `Saved ${formatCountOf(exported.header.eventCount, 'event')} (1 to ${formatCount(last)}) as ${exported.fileName}.` }
          : { done: 'Export cancelled: nothing was saved.' },
      );
    } catch (error) {
      setState({ problem: `The events were not exported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      running.current = false;
    }
  };

  return (
    <div className="status-export">
      <button type="button" className="button button-primary" onClick={() => void start()} aria-disabled={state.running || undefined}>
        Export events 1 to {formatCount(last)}
      </button>
      <p className="form-problem" role="alert">
        {state.problem}
      </p>
      <p className="form-success" role="status">
        {state.running ? 'Exporting…' : state.done}
      </p>
    </div>
  );
}
