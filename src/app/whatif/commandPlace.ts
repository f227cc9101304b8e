import type { EventStore } from '../../eventstore/index.ts';
import { decisionsProjection, type DecisionsState } from '../../domain/index.ts';
import { eventAt, whatIf, type WhatIfResult } from '../../replay/index.ts';
import type { BranchPlan } from './whatIfBranch.ts';

/** Where a command run in a what-if branch takes place. */
export interface CommandPlace {
  /** Its events play right after this real event (and after the branch's injections already there). */
  afterSeq: number;
  /** The branch's decision state at that place: what the command is decided on. */
  state: DecisionsState;
  /** When its events are recorded; undefined for now (a branch at the present). */
  at?: string;
}

const decisionsOf = (result: WhatIfResult) => result.states[decisionsProjection.name] as DecisionsState;

/** One millisecond after `at`: a command's events follow what is already at the branch point. */
const tickAfter = (at: string) => new Date(Date.parse(at) + 1).toISOString();

/**
 * A branch started at the present takes commands at its end, now. A branch
 * started in the past takes them at its base point, as if they had happened
 * then: decided on the branch as it was there (real events before it, with the
 * branch's own changes up to it), timed a tick after the newest event there
 * (never later than the real event that follows, so times keep their order), and
 * played before the later real events, which the branch's rules then judge.
 */
export async function commandPlace(store: EventStore, plan: BranchPlan, result: WhatIfResult): Promise<CommandPlace> {
  const afterSeq = plan.basePoint;
  if (afterSeq >= result.toSeq) return { afterSeq: result.toSeq, state: decisionsOf(result) };
  const skip = plan.skip.filter((seq) => seq <= afterSeq);
  const inject = plan.inject.filter((injection) => injection.afterSeq <= afterSeq);
  const fromSeq = Math.max(1, Math.min(afterSeq + 1, ...skip, ...inject.map((i) => i.afterSeq + 1)));
  const [there, base, next] = await Promise.all([
    whatIf(store, [decisionsProjection], fromSeq, { skip, inject }, { toSeq: afterSeq }),
    eventAt(store, afterSeq),
    eventAt(store, afterSeq + 1),
  ]);
  const times = [base?.meta.at, ...there.injected.filter((e) => e.meta.seq === afterSeq).map((e) => e.meta.at)];
  const newest = times.filter((at): at is string => at !== undefined).sort().at(-1);
  const ticked = newest === undefined ? next?.meta.at : tickAfter(newest);
  const at = ticked !== undefined && next !== undefined && ticked > next.meta.at ? next.meta.at : ticked;
  return { afterSeq, state: decisionsOf(there), at };
}
