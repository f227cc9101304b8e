import type { EventStore, StoredEvent } from '../eventstore/index.ts';
import { branchEvents, type WhatIfResult } from '../replay/index.ts';
import { exportEvents, suggestedFileName, type ExportProgress, type LogExport } from './exportLog.ts';
import { chooseSaveTarget } from './saveFile.ts';

const BATCH = 2000;

/**
 * The scenario as a log of its own: the real events up to the branch's base,
 * then the branch's events (real ones kept, injected ones) numbered on from
 * there, each stream's versions continuing, so the file reads like any log and
 * its header marks where reality ends.
 */
async function* scenarioBatches(store: EventStore, result: WhatIfResult, baseSeq: number): AsyncGenerator<StoredEvent[]> {
  const versions = new Map<string, number>();
  for (let from = 1; from <= baseSeq; ) {
    const batch = await store.readAll({ fromSeq: from, toSeq: baseSeq, limit: BATCH });
    if (batch.length === 0) break;
    for (const e of batch) versions.set(e.meta.stream, e.meta.version);
    yield batch;
    from = batch[batch.length - 1]!.meta.seq + 1;
  }
  let seq = baseSeq;
  for await (const batch of branchEvents(store, result, BATCH)) {
    yield batch.map((e) => {
      const version = (versions.get(e.meta.stream) ?? 0) + 1;
      versions.set(e.meta.stream, version);
      return { ...e, meta: { ...e.meta, seq: ++seq, version } };
    });
  }
}

/** A what-if branch as a hypothetical log file (docs/file-format.md: `hypothetical`, `baseSeq`, `scenario`). */
export function exportScenario(
  store: EventStore,
  result: WhatIfResult,
  name: string | undefined,
  onProgress?: (progress: ExportProgress) => void,
): Promise<LogExport> {
  const baseSeq = result.fromSeq - 1;
  return exportEvents(
    scenarioBatches(store, result, baseSeq),
    { selection: { kind: 'all' }, hypothetical: { baseSeq, scenario: name }, totalEvents: baseSeq + result.eventCount },
    { onProgress },
  );
}

/**
 * "Export scenario": asks where to save (call from the click itself), then
 * writes the branch as a hypothetical log file. Undefined when the person cancels.
 */
export async function exportScenarioToFile(
  store: EventStore,
  result: WhatIfResult,
  name: string | undefined,
  onProgress?: (progress: ExportProgress) => void,
): Promise<LogExport | undefined> {
  const target = await chooseSaveTarget(suggestedFileName(new Date().toISOString(), name ?? ''));
  if (!target) return undefined;
  const exported = await exportScenario(store, result, name, onProgress);
  await target.write(exported.blob, exported.fileName);
  return exported;
}
