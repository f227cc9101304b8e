import type { EventStore } from '../eventstore/index.ts';
import { eraseLog } from '../files/index.ts';
import type { TimeTravel } from './timetravel/timeTravel.ts';
import type { WhatIfBranch } from './whatif/whatIfBranch.ts';

/** What starting over would take away. */
export interface StartOverScope {
  /** Events in the log now. */
  events: number;
  /** Every one of them is sample data (`meta.sample`): the screen offers "Remove the sample data". */
  allSample: boolean;
  /** The log starts with sample data (which loads only into an empty log), whatever follows it. */
  anySample: boolean;
}

/** Starting over was refused because the screens show the past or a what-if branch: leave it first. */
export class LeaveViewFirstError extends Error {
  override readonly name = 'LeaveViewFirstError';
  readonly code = 'LEAVE_VIEW_FIRST';
}

/** The views a start over must not happen under: it changes the real log, which they do not show. */
export interface StartOverViews {
  travel: Pick<TimeTravel, 'getState'>;
  branch: Pick<WhatIfBranch, 'getState'>;
}

/** Events read at a time while looking for one that is not sample data. */
const BATCH = 2_000;

/** How many events the log holds and whether all are sample data; stops reading at the first that is not. */
export async function startOverScope(store: Pick<EventStore, 'lastSeq' | 'readAll'>): Promise<StartOverScope> {
  const events = await store.lastSeq();
  let anySample = false;
  for (let from = 1; from <= events; from += BATCH) {
    const batch = await store.readAll({ fromSeq: from, toSeq: Math.min(events, from + BATCH - 1) });
    if (from === 1) anySample = batch[0]?.meta.sample === true;
    if (batch.some((e) => e.meta.sample !== true)) return { events, allSample: false, anySample };
  }
  return { events, allSample: events > 0, anySample };
}

/** Says why starting over must wait, if it must. */
export function leaveViewFirst({ travel, branch }: StartOverViews): LeaveViewFirstError | undefined {
  if (branch.getState().plan)
    return new LeaveViewFirstError('A what-if branch is open. Close it first (save it if you want to keep it): starting over changes the real log.');
  if (travel.getState().past) return new LeaveViewFirstError('You are viewing the past. Go back to now first: starting over changes the log as it is now.');
  return undefined;
}

/**
 * Erases the ledger: an empty log becomes live and the log as it is becomes the
 * backup, which "Restore" brings back exactly. `expectedEvents` is what the
 * person confirmed; a log that has grown since is left alone. The app reloads
 * afterwards, like after an import.
 */
export async function startOver(store: EventStore, views: StartOverViews, expectedEvents: number): Promise<void> {
  const refusal = leaveViewFirst(views);
  if (refusal) throw refusal;
  await eraseLog(store, { expectedLastSeq: expectedEvents });
}
