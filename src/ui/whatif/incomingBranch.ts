import type { MergeConflictError } from '../../files/index.ts';
import type { Ledger } from '../../app/index.ts';
import type { Injection } from '../../replay/index.ts';
import { hypotheticalId } from '../../app/whatif/branchInjection.ts';
import { resetScenarioSession } from './scenarioSession.ts';

/**
 * A merge refused for conflicts offers the file's events as a what-if branch:
 * from the point where the logs parted, this log's own events stay (each can be
 * skipped) and the file's new events are played after them, as hypothetical.
 */
export async function openIncomingAsBranch(ledger: Ledger, conflict: MergeConflictError): Promise<number> {
  const afterSeq = ledger.image.store.getState().seq;
  const inject: Injection[] = [];
  await conflict.readIncomingEvents((events) => {
    for (const { type, payload, meta } of events) {
      const { causationId, correlationId, schema } = meta;
      const extra = { ...(causationId && { causationId }), ...(correlationId && { correlationId }), ...(schema && { schema }) };
      inject.push({ afterSeq, stream: meta.stream, event: { type, payload, meta: { id: hypotheticalId(meta.id), at: meta.at, ...extra } } });
    }
  });
  ledger.travel.backToNow();
  resetScenarioSession();
  await ledger.branch.open({ basePoint: conflict.branchBaseSeq, skip: [], inject });
  return inject.length;
}
