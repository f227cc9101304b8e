import type { EventLog, StoredEvent } from '../../eventstore/index.ts';
import { readLogFile, type ByteSource, type LogFileHeader } from '../../files/index.ts';
import { HYPOTHETICAL_ID_PREFIX, type Injection } from '../../replay/index.ts';
import { hypotheticalId } from './branchInjection.ts';
import type { BranchPlan } from './whatIfBranch.ts';

/** Events read at a time while matching the file against this log. */
const EVENTS_PER_READ = 2000;

/** What matching a scenario file reads of this log. */
export type ScenarioLog = Pick<EventLog, 'readAll' | 'lastSeq'>;

function notThisLog(seq: number): Error {
  return new Error(
    `This scenario was made on another log: its event ${seq} is not this log's event ${seq}. It can only be opened where it was made, or after importing that log.`,
  );
}

/** This log's events after `baseSeq`, by id. */
async function seqsById(store: ScenarioLog, baseSeq: number): Promise<Map<string, number>> {
  const seqs = new Map<string, number>();
  for (let from = baseSeq + 1; ; ) {
    const batch = await store.readAll({ fromSeq: from, limit: EVENTS_PER_READ });
    if (batch.length === 0) return seqs;
    for (const e of batch) seqs.set(e.meta.id, e.meta.seq);
    from = batch[batch.length - 1]!.meta.seq + 1;
  }
}

/**
 * Rebuilds a branch plan from a scenario file (its header marks it hypothetical
 * and names its base): the file's events up to the base must be this log's;
 * after it, an event this log holds is a kept real event, one it does not hold
 * is injected after the real event before it, and this log's events the file
 * leaves out are skipped.
 */
export async function scenarioPlanOf(store: ScenarioLog, source: ByteSource): Promise<{ plan: BranchPlan; header: LogFileHeader }> {
  let header: LogFileHeader | undefined;
  const after: StoredEvent[] = [];
  await readLogFile(source, {
    onHeader: (h) => {
      if (!h.hypothetical) throw new Error('This file is a log, not a what-if scenario: import it instead.');
      header = h;
    },
    onEvents: async (events) => {
      const base = header!.baseSeq ?? 0;
      const shared = events.filter((e) => e.meta.seq <= base);
      if (shared.length > 0) {
        const local = await store.readAll({ fromSeq: shared[0]!.meta.seq, toSeq: shared[shared.length - 1]!.meta.seq });
        shared.forEach((e, i) => {
          if (local[i]?.meta.id !== e.meta.id) throw notThisLog(e.meta.seq);
        });
      }
      after.push(...events.filter((e) => e.meta.seq > base));
    },
  });
  const baseSeq = header!.baseSeq ?? 0;
  if (baseSeq > (await store.lastSeq())) throw notThisLog(baseSeq);
  const local = await seqsById(store, baseSeq);
  const kept = new Set<number>();
  const inject: Injection[] = [];
  let lastKept = baseSeq;
  for (const { type, payload, meta } of after) {
    const seq = meta.id.startsWith(HYPOTHETICAL_ID_PREFIX) ? undefined : local.get(meta.id);
    if (seq !== undefined && seq > lastKept) {
      kept.add(seq);
      lastKept = seq;
      continue;
    }
    const id = meta.id.startsWith(HYPOTHETICAL_ID_PREFIX) ? meta.id : hypotheticalId(meta.id);
    inject.push({ afterSeq: lastKept, stream: meta.stream, event: { type, payload, meta: { id, at: meta.at } } });
  }
  const skip = [...local.values()].filter((seq) => !kept.has(seq)).sort((a, b) => a - b);
  return { plan: { basePoint: baseSeq, skip, inject }, header: header! };
}
