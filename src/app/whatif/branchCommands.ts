import { checkExpectedVersion, type AppendResult } from '../../eventstore/index.ts';
import { HYPOTHETICAL_ID_PREFIX, type Injection, type WhatIfResult } from '../../replay/index.ts';
import { decisionsProjection, versionOf, type DecisionsState } from '../../domain/index.ts';
import { type CommandLog } from '../commands/commandHandler.ts';
import { type DecisionSource } from '../commands/decisionSource.ts';
import type { WhatIfBranch } from './whatIfBranch.ts';

function openResult(branch: Pick<WhatIfBranch, 'getState'>): WhatIfResult {
  const { result } = branch.getState();
  if (!result) throw new Error('No what-if branch is open.');
  return result;
}

const decisionsOf = (result: WhatIfResult) => result.states[decisionsProjection.name] as DecisionsState;

/**
 * Lets the usual command handler run inside a what-if branch: commands are
 * decided on the branch's own decision state (real events before the branch
 * point, then the branch's), and appends become injections at the branch's end
 * instead of writes. So the very same deciders validate commands against the
 * alternative state, and the real log is never touched.
 */
export function branchCommands(branch: Pick<WhatIfBranch, 'getState' | 'inject'>): { log: CommandLog; decisions: DecisionSource } {
  // The branch is replayed again by each injection, before `inject` resolves: it is always as current as it gets.
  const decisions: DecisionSource = {
    current: async () => {
      const result = openResult(branch);
      return { seq: result.toSeq, state: decisionsOf(result) };
    },
    reached: async () => {},
    catchUp: async () => openResult(branch).toSeq,
  };

  const log: CommandLog = {
    appendMany: async (batches) => {
      const result = openResult(branch);
      const state = decisionsOf(result);
      const results: AppendResult[] = [];
      const injections: Injection[] = [];
      for (const batch of batches) {
        const version = versionOf(state, batch.stream);
        checkExpectedVersion(batch.stream, batch.expectedVersion, version);
        for (const event of batch.events) {
          const id = `${HYPOTHETICAL_ID_PREFIX}${event.meta?.id ?? crypto.randomUUID()}`;
          injections.push({ afterSeq: result.toSeq, stream: batch.stream, event: { ...event, meta: { ...event.meta, id } } });
        }
        // Injected events share the seq of the real event they follow: the branch's end.
        results.push({ firstSeq: result.toSeq, lastSeq: result.toSeq, version: version + batch.events.length });
      }
      await branch.inject(injections);
      return results;
    },
  };
  return { log, decisions };
}
