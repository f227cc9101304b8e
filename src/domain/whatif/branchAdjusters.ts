import type { StoredEvent } from '../../eventstore/index.ts';
import {
  accountsProjection,
  accountNumberOfStream,
  accountStream,
  decisionsProjection,
  getAccount,
  isAccountEvent,
  moveSpending,
  withoutUnusedCategories,
  OUTBOX_EVENT_TYPES,
  reportsProjection,
  totalsProjection,
  type AccountsState,
  type AccountSummary,
  type DecisionsState,
  type ReportsState,
  type SpendingState,
  type TotalsState,
} from '../index.ts';
import { mapGet, mapSet } from '../structures/persistentMap.ts';
import type { WhatIfGuardState } from './whatIfGuard.ts';
import type { AnyProjection } from '../../replay/index.ts';

/** A real event the branch leaves out (sign -1) or an injected one (sign +1). */
export interface Change {
  event: StoredEvent;
  sign: 1 | -1;
}

/** One account the branch changes: its real events up to the branch's end, and the branch's version of them. */
export interface TouchedAccount {
  real: StoredEvent[];
  branch: StoredEvent[];
}

/** Everything the adjusters need, read once by the shortcut. */
export interface BranchContext {
  changes: Change[];
  accounts: Map<string, TouchedAccount>;
  /** The time of the branch's last event. */
  lastAt: string;
}

/** A projection's branch state from its live one, or undefined when this adjuster cannot give it exactly. */
export type Adjuster = (live: never, context: BranchContext) => unknown;

const fold = (projection: AnyProjection, events: readonly StoredEvent[]) => events.reduce((s, e) => projection.apply(s, e), projection.initial);

const contribution = <S>(projection: AnyProjection, event: StoredEvent) => projection.apply(projection.initial, event) as S;

/** The change's effect on the money in the system (deposits add, withdrawals take). */
const inSystemDelta = (change: Change): number => change.sign * contribution<ReportsState>(reportsProjection, change.event).inSystem;

const openingOf = (events: readonly StoredEvent[]) => events.find((e) => e.type === 'AccountOpened')?.meta.id;

const sameRow = (a: AccountSummary | undefined, b: AccountSummary | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Accounts: each touched account's row re-folded from its own events, the
 * counts moved by its change of status. A change of which event opened the
 * account would move it in the list of openings: not done here.
 */
function accounts(live: AccountsState, context: BranchContext): AccountsState | undefined {
  let state = live;
  for (const [number, touched] of context.accounts) {
    if (openingOf(touched.real) !== openingOf(touched.branch)) return undefined;
    const real = getAccount(fold(accountsProjection, touched.real) as AccountsState, number);
    const branch = getAccount(fold(accountsProjection, touched.branch) as AccountsState, number);
    if (!sameRow(real, getAccount(live, number))) return undefined;
    if (!real || !branch) continue;
    const open = (row: AccountSummary) => (row.status === 'open' ? 1 : 0);
    state = {
      ...state,
      byNumber: mapSet(state.byNumber, number, branch),
      openCount: state.openCount + open(branch) - open(real),
      closedCount: state.closedCount - open(branch) + open(real),
    };
  }
  return state;
}

/** Totals only add up what events contribute, so the branch's are the live ones plus and minus the changes' contributions. */
function totals(live: TotalsState, context: BranchContext): TotalsState {
  const next: Record<string, number> = { ...live };
  const initial = totalsProjection.initial as Record<string, number>;
  for (const { event, sign } of context.changes) {
    const added = contribution<Record<string, number>>(totalsProjection, event);
    for (const key of Object.keys(next)) next[key]! += sign * (added[key]! - initial[key]!);
  }
  return next as TotalsState;
}


type AmountTree = 'moneyMoved' | 'added' | 'withdrawn';

/** Money moved, deposits and withdrawals only add up amounts by period: add the injected ones, take the skipped ones, and drop periods left with none. */
function amounts(field: AmountTree, live: ReportsState[AmountTree], changes: readonly Change[]): ReportsState[AmountTree] {
  let tree = live;
  const touched = new Set<string>();
  for (const { event, sign } of changes) {
    const amount = (event.payload as { amount?: number }).amount ?? 0;
    const added = contribution<ReportsState>(reportsProjection, event)[field].total;
    if (added === 0) continue;
    // The projection's own bucketing, fed the amount with the change's sign: amounts are positive, so a period at 0 has none.
    const signed = { ...event, payload: { ...(event.payload as object), amount: sign * amount } } as StoredEvent;
    tree = (reportsProjection.apply({ ...reportsProjection.initial, [field]: tree }, signed) as ReportsState)[field];
    touched.add(event.meta.at.slice(0, 7));
  }
  if (touched.size === 0) return tree;
  const years = { ...tree.years };
  for (const period of touched) {
    const [y, m] = [period.slice(0, 4), Number(period.slice(5, 7)) - 1];
    const year = years[y];
    if (!year) continue;
    if (year.total === 0) delete years[y];
    else if (year.months[m]?.total === 0) years[y] = { ...year, months: year.months.map((month, i) => (i === m ? null : month)) };
  }
  return { total: tree.total, years };
}

function reports(live: ReportsState, context: BranchContext): ReportsState {
  const inSystem = context.changes.reduce((sum, change) => sum + inSystemDelta(change), live.inSystem);
  return {
    moneyMoved: amounts('moneyMoved', live.moneyMoved, context.changes),
    added: amounts('added', live.added, context.changes),
    withdrawn: amounts('withdrawn', live.withdrawn, context.changes),
    inSystem,
  };
}

/** Spending only adds up withdrawals by category and period: add the injected ones, take the skipped ones, and drop categories left with none. */
function spending(live: SpendingState, context: BranchContext): SpendingState {
  return withoutUnusedCategories(context.changes.reduce((state, { event, sign }) => moveSpending(state, event, sign), live));
}

/**
 * Decisions: each touched account's row, and the count its stream kept before
 * the account was opened, re-folded from the account's stream; other streams'
 * versions moved by the changes. Address changes are not done here, nor events
 * of unknown types on an account's stream (the account's re-fold leaves injected ones out).
 */
function decisions(live: DecisionsState, context: BranchContext): DecisionsState | undefined {
  if (context.changes.some((c) => c.event.type === 'EmailReserved' || c.event.type === 'EmailReleased')) return undefined;
  let { accounts, versions } = live;
  const counts = new Map<string, number>();
  for (const { event, sign } of context.changes) {
    const number = accountNumberOfStream(event.meta.stream);
    if (number === undefined) counts.set(event.meta.stream, (counts.get(event.meta.stream) ?? 0) + sign);
    else if (!isAccountEvent(event) || !context.accounts.has(number)) return undefined;
  }
  for (const [number, touched] of context.accounts) {
    const real = fold(decisionsProjection, touched.real) as DecisionsState;
    const branch = fold(decisionsProjection, touched.branch) as DecisionsState;
    const rows = [real, branch].map((state) => mapGet(state.accounts, number));
    if (JSON.stringify(rows[0]) !== JSON.stringify(mapGet(live.accounts, number))) return undefined;
    const stream = accountStream(number);
    const before = [real, branch].map((state) => mapGet(state.versions, stream));
    if (before[0] !== mapGet(live.versions, stream)) return undefined;
    // An account opened or unopened, or a count begun or ended, would change which keys the maps hold: not done here.
    if ((rows[0] === undefined) !== (rows[1] === undefined) || (before[0] === undefined) !== (before[1] === undefined)) return undefined;
    if (rows[1] !== undefined) accounts = mapSet(accounts, number, rows[1]);
    if (before[1] !== undefined) versions = mapSet(versions, stream, before[1]);
  }
  for (const [stream, delta] of counts) {
    const version = mapGet(versions, stream);
    // A stream new to the log, or emptied, would change which streams the map holds: not done here.
    if (version === undefined || version + delta <= 0) return undefined;
    versions = mapSet(versions, stream, version + delta);
  }
  return { ...live, accounts, versions };
}

/** The outbox keeps messages in the order they were queued: a branch that changes messages is replayed. */
function outbox(live: unknown, context: BranchContext): unknown {
  return context.changes.some((c) => OUTBOX_EVENT_TYPES.has(c.event.type)) ? undefined : live;
}

function whatIfGuard(live: WhatIfGuardState, context: BranchContext): WhatIfGuardState {
  return live.lastAt === context.lastAt ? live : { ...live, lastAt: context.lastAt };
}

/** How each ledger read model's live state is adjusted by a branch's changes; a projection without an adjuster sends the branch to the replay. */
export const BRANCH_ADJUSTERS: Readonly<Record<string, Adjuster>> = {
  accounts: accounts as Adjuster,
  totals: totals as Adjuster,
  reports: reports as Adjuster,
  spending: spending as Adjuster,
  decisions: decisions as Adjuster,
  outbox: outbox as Adjuster,
  whatIfGuard: whatIfGuard as Adjuster,
};
