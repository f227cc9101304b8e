import { checkExpectedVersion, type AppendResult, type EventStore } from '../../eventstore/index.ts';
import { HYPOTHETICAL_ID_PREFIX, type Injection, type WhatIfResult } from '../../replay/index.ts';
import { versionOf } from '../../domain/index.ts';
import { type CommandLog } from '../commands/commandHandler.ts';
import { type DecisionSource } from '../commands/decisionSource.ts';
import type { CommandPlace } from './commandPlace.ts';
import { loadBranchEngine, type BranchPlan, type WhatIfBranch } from './whatIfBranch.ts';

function openBranch(branch: Pick<WhatIfBranch, 'getState'>): { plan: BranchPlan; result: WhatIfResult } {
  const { plan, result } = branch.getState();
  if (!plan || !result) throw new Error('No what-if branch is open.');
  return { plan, result };
}

/** Marks an id as hypothetical, so the event log and the histories can tell a branch's events apart. */
const hypothetical = (id: string) => (id.startsWith(HYPOTHETICAL_ID_PREFIX) ? id : `${HYPOTHETICAL_ID_PREFIX}${id}`);

/**
 * Lets the usual command handler run inside a what-if branch: commands are
 * decided on the branch's own decision state where they take place (its end,
 * or its base point when it was started in the past: see commandPlace), and
 * appends become injections there instead of writes. So the very same deciders
 * validate commands against the alternative state, and the real log is never touched.
 */
export function branchCommands(
  branch: Pick<WhatIfBranch, 'getState' | 'inject'>,
  eventStore: EventStore,
): { log: CommandLog; decisions: DecisionSource; newId: () => string } {
  // The place of the branch as it stands; each injection replays the branch (a new result) before `inject` resolves.
  let known: { result: WhatIfResult; place: Promise<CommandPlace> } | undefined;
  const place = (): Promise<CommandPlace> => {
    const { plan, result } = openBranch(branch);
    if (known?.result !== result) {
      const found = loadBranchEngine().then((engine) => engine.commandPlace(eventStore, plan, result));
      known = { result, place: found };
      // A failed read is tried again by the next command.
      found.catch(() => {
        if (known?.place === found) known = undefined;
      });
    }
    return known.place;
  };

  const decisions: DecisionSource = {
    current: async () => {
      const { state, at } = await place();
      return { seq: openBranch(branch).result.toSeq, state, at };
    },
    reached: async () => {},
    catchUp: async () => openBranch(branch).result.toSeq,
  };

  const log: CommandLog = {
    appendMany: async (batches) => {
      const { afterSeq, state } = await place();
      const results: AppendResult[] = [];
      const injections: Injection[] = [];
      for (const batch of batches) {
        const version = versionOf(state, batch.stream);
        checkExpectedVersion(batch.stream, batch.expectedVersion, version);
        for (const event of batch.events) {
          const id = hypothetical(event.meta?.id ?? crypto.randomUUID());
          injections.push({ afterSeq, stream: batch.stream, event: { ...event, meta: { ...event.meta, id } } });
        }
        // Injected events share the seq of the real event they follow.
        results.push({ firstSeq: afterSeq, lastSeq: afterSeq, version: version + batch.events.length });
      }
      await branch.inject(injections);
      return results;
    },
  };
  // Ids marked from the start, so a dispatch's result names its events as the branch shows them.
  return { log, decisions, newId: () => hypothetical(crypto.randomUUID()) };
}
