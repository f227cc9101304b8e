import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import { accountStream, isAccountEvent } from '../../domain/index.ts';
import { isRegularAccountEvent, type WhatIfGuardState } from '../../domain/whatif/whatIfGuard.ts';
import { eventAt, splice, type ShortcutInput, type StatesOf, type WhatIfShortcut } from '../../replay/index.ts';
import { BRANCH_ADJUSTERS, type BranchContext, type Change, type TouchedAccount } from '../../domain/whatif/branchAdjusters.ts';

/** Whether every injection sits, by its time, between the real events around it: then the branch's times never go back either. */
async function injectionsInOrder(store: EventStore, injected: readonly StoredEvent[], toSeq: number): Promise<boolean> {
  let previous: StoredEvent | undefined;
  for (const event of injected) {
    const sameSpot = previous?.meta.seq === event.meta.seq;
    const before = sameSpot ? previous : await eventAt(store, Math.min(event.meta.seq, toSeq));
    const after = event.meta.seq < toSeq ? await eventAt(store, event.meta.seq + 1) : undefined;
    if ((before && event.meta.at < before.meta.at) || (after && event.meta.at > after.meta.at)) return false;
    previous = event;
  }
  return true;
}

/** Each touched account's real events and the branch's: the stream read once, the changes spliced in at their places. */
async function touchedAccounts(input: ShortcutInput, changes: readonly Change[]): Promise<Map<string, TouchedAccount>> {
  const numbers = new Set(changes.filter((c) => isAccountEvent(c.event)).map((c) => (c.event.payload as { accountNumber: string }).accountNumber));
  const skip = new Set(input.skipped.map((e) => e.meta.seq));
  const touched = new Map<string, TouchedAccount>();
  await Promise.all(
    [...numbers].map(async (number) => {
      const real = (await input.store.readStream(accountStream(number))).filter((e) => e.meta.seq <= input.toSeq);
      const injected = input.injected.filter((e) => isAccountEvent(e) && (e.payload as { accountNumber: string }).accountNumber === number);
      touched.set(number, { real, branch: splice(real.filter((e) => !skip.has(e.meta.seq)), injected) });
    }),
  );
  return touched;
}

/**
 * The newest real event the branch keeps when it leaves out the log's last:
 * the branch's last event, unless an injection comes after it. Undefined when
 * the last real event is kept.
 */
async function lastKept(input: ShortcutInput): Promise<{ seq: number; at: string } | undefined> {
  const skip = new Set(input.skipped.map((e) => e.meta.seq));
  if (!skip.has(input.toSeq)) return undefined;
  const newest = await input.store.readAll({ fromSeq: input.toSeq, direction: 'backward', limit: skip.size + 1 });
  const kept = newest.find((e) => !skip.has(e.meta.seq));
  return { seq: kept?.meta.seq ?? 0, at: kept?.meta.at ?? '' };
}

/** When the branch's last event was recorded: the newest real event it keeps, or an injection after that. */
function lastAtOf(input: ShortcutInput, kept: { seq: number; at: string } | undefined, guard: WhatIfGuardState): string {
  const after = input.injected.filter((e) => e.meta.seq >= (kept?.seq ?? input.toSeq));
  if (after.length > 0) return after[after.length - 1]!.meta.at;
  return kept ? kept.at : guard.lastAt;
}

/**
 * The ledger's what-if shortcut: the live states with the touched accounts
 * re-folded from their own streams, and the totals, reports and stream
 * versions moved by the changes' contributions, instead of a replay of every
 * event after the branch point. It reads what it needs while the live states
 * are fetched, then declines (and the branch is replayed) when the log or a
 * change breaks what that relies on: times that go back, account events off
 * their account's stream, messages, addresses, an account's opening, a read
 * model it has no adjuster for.
 */
export const ledgerShortcut: WhatIfShortcut = async (input) => {
  if (!input.projections.every((p) => Object.hasOwn(BRANCH_ADJUSTERS, p.name))) return undefined;
  if (!input.injected.every(isRegularAccountEvent)) return undefined;
  const changes: Change[] = [
    ...input.skipped.map((event) => ({ event, sign: -1 as const })),
    ...input.injected.map((event) => ({ event, sign: 1 as const })),
  ];
  // The reads are independent: IndexedDB serves them side by side.
  const [inOrder, accounts, kept] = await Promise.all([
    injectionsInOrder(input.store, input.injected, input.toSeq),
    touchedAccounts(input, changes),
    lastKept(input),
  ]);
  if (!inOrder) return undefined;
  return (live) => {
    const guard = live.whatIfGuard as WhatIfGuardState | undefined;
    if (!guard || guard.unorderedSeq !== 0 || guard.irregularSeq !== 0) return undefined;
    const context: BranchContext = { changes, accounts, lastAt: lastAtOf(input, kept, guard) };
    const states: StatesOf = {};
    for (const projection of input.projections) {
      const state = BRANCH_ADJUSTERS[projection.name]!(live[projection.name] as never, context);
      if (state === undefined) return undefined;
      states[projection.name] = state;
    }
    return states;
  };
};
