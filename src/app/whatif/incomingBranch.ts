import type { MergeConflictError } from '../../files/index.ts';
import type { Injection } from '../../replay/index.ts';
import { hypotheticalId } from './branchInjection.ts';
import type { BranchPlan } from './whatIfBranch.ts';

/**
 * A merge refused for conflicts offers the file's events as a what-if branch:
 * from the point where the logs parted, this log's own events stay (each can be
 * skipped) and the file's new events are played after them (after `liveSeq`), as hypothetical.
 */
export async function incomingBranchPlan(conflict: MergeConflictError, liveSeq: number): Promise<BranchPlan> {
  const inject: Injection[] = [];
  await conflict.readIncomingEvents((events) => {
    for (const { type, payload, meta } of events) {
      const { causationId, correlationId, schema } = meta;
      const extra = { ...(causationId && { causationId }), ...(correlationId && { correlationId }), ...(schema && { schema }) };
      inject.push({ afterSeq: liveSeq, stream: meta.stream, event: { type, payload, meta: { id: hypotheticalId(meta.id), at: meta.at, ...extra } } });
    }
  });
  return { basePoint: conflict.branchBaseSeq, skip: [], inject };
}
