import type { EventStore } from '../eventstore/index.ts';
import { exportLog, suggestedFileName, type ExportOptions, type LogExport } from './exportLog.ts';
import { chooseSaveTarget } from './saveFile.ts';

/**
 * "Export log": asks where to save (a picker where the browser has one), then
 * exports and writes the file. Call it from the click handler itself, so the
 * picker opens within the person's gesture. Resolves to undefined when they
 * cancel the picker; nothing is exported then.
 */
export async function exportLogToFile(store: EventStore, options: ExportOptions = {}): Promise<LogExport | undefined> {
  const target = await chooseSaveTarget(suggestedFileName((options.now?.() ?? new Date()).toISOString()));
  if (!target) return undefined;
  const exported = await exportLog(store, options);
  await target.write(exported.blob, exported.fileName);
  return exported;
}
