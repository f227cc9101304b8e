import { useRef, useState } from 'react';
import type { ExportProgress, LogSelection } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { formatCount } from '../components/formatCount.ts';
import { describeFileError } from './describeFileError.ts';

export interface LogExportState {
  running: boolean;
  progress?: ExportProgress;
  done?: string;
  problem?: string;
}

/** Runs "Export log" for a selection, with progress and cancel; shared by the export form and the storage panel. */
export function useLogExport() {
  const ledger = useLedger();
  const [state, setState] = useState<LogExportState>({ running: false });
  const controller = useRef<AbortController>(undefined);

  /** Call straight from the click: the save picker must open within the person's gesture. */
  const start = async (selection: LogSelection) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    const exporting = ledger.files.exportLog({
      selection,
      signal: abort.signal,
      onProgress: (progress) => setState((s) => ({ ...s, progress })),
    });
    setState({ running: true });
    try {
      const exported = await exporting;
      if (!exported) return setState({ running: false, done: 'Export cancelled: nothing was saved.' });
      const { eventCount, firstSeq, lastSeq } = exported.header;
      const range = eventCount > 0 ? ` (events ${firstSeq} to ${lastSeq})` : '';
      setState({ running: false, done: `Exported ${formatCount(eventCount)} ${eventCount === 1 ? 'event' : 'events'}${range} as ${exported.fileName}.` });
    } catch (error) {
      setState({ running: false, problem: `The log was not exported: ${describeFileError(error)}` });
    } finally {
      controller.current = undefined;
    }
  };

  return { ...state, start, cancel: () => controller.current?.abort() };
}

export type LogExporter = ReturnType<typeof useLogExport>;
