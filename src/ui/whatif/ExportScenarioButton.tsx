import { useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCount, formatCountOf } from '../components/formatCount.ts';

/** Writes the open branch as a hypothetical log file (its header names the base point). */
export function ExportScenarioButton({ name }: { name: string | undefined }) {
  const ledger = useLedger();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const result = ledger.branch.getState().result;
    if (!result || busy) return;
    setBusy(true);
    setProblem(undefined);
    setStatus('Exporting…');
    try {
      const exported = await ledger.files.exportScenario(result, name, (p) =>
        setStatus(p.totalEvents === undefined ? `Exporting… ${formatCountOf(p.events, 'event')}` : `Exporting… ${formatCount(p.events)} of ${formatCountOf(p.totalEvents, 'event')}`),
      );
      setStatus(exported ? `Exported ${formatCountOf(exported.header.eventCount, 'event')} as ${exported.fileName} (marked hypothetical).` : undefined);
    } catch (error) {
      setStatus(undefined);
      setProblem(`The scenario could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void run()} aria-disabled={busy || undefined}>
        Export scenario
      </button>
      <span className="what-if-export-status" role="status">
        {status}
      </span>
      {problem && (
        <span className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
