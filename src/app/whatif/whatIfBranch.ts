import { createStore, type StoreApi } from 'zustand/vanilla';
import { upcast } from '../../domain/index.ts';
import type { EventMeta, EventStore } from '../../eventstore/index.ts';
import type {
  AnyProjection,
  Injection,
  PreparedBranch,
  ReplayProgress,
  StatesOf,
  WhatIfResult,
  WhatIfShortcut,
} from '../../replay/index.ts';
import { BranchRuleError } from '../errors.ts';
import type { BranchViolation } from './branchRules.ts';

/** The branch's replay and the rest it computes with (branchEngine.ts), fetched with the first branch. */
export const loadBranchEngine = () => import('./branchEngine.ts');

/** The ledger's rules load with the first change to a branch: a person who never branches does not fetch them at boot. */
const branchRules = () => import('./branchRules.ts');
const ledgerBranchRules = async (eventStore: EventStore, branch: PreparedBranch) => (await branchRules()).branchViolation(eventStore, branch);

/** What defines a branch; plain JSON, so it can be saved and reopened as a scenario. */
export interface BranchPlan {
  /** The point the branch was started from (a seq of the real log). */
  basePoint: number;
  /** Real events left out of the branch. */
  skip: number[];
  /** Hypothetical events, each played after the real event it names. */
  inject: Injection[];
}

export interface WhatIfState {
  plan?: BranchPlan;
  /** The branch computed: its states and changes (its events are read with branchEvents). */
  result?: WhatIfResult;
  loading: boolean;
  /** While a branch the shortcut cannot take is replayed: how far it got. */
  progress?: ReplayProgress;
  /** Why the last change or open was refused; with no branch open nothing shows it: the caller, which got the rejection, tells. */
  error?: string;
}

/** A Zustand store of the branch (getState, subscribe), with the changes beside. */
export interface WhatIfBranch extends StoreApi<WhatIfState> {
  start(basePoint: number): Promise<void>;
  /**
   * Each change below goes through the ledger's rules first: one that breaks a rule rejects with BranchRuleError, the branch as it was.
   * Opening or starting a branch sets `plan` only once the branch is accepted (meanwhile `loading` and `progress` tell).
   */
  open(plan: BranchPlan): Promise<void>;
  /** Skips a real event, or includes it again; a transfer half goes with its other half. */
  toggleSkip(seq: number): Promise<void>;
  inject(injections: Injection[]): Promise<void>;
  /** Removes an injection; an injected transfer half goes with the other half beside it. */
  removeInjection(index: number): Promise<void>;
  discard(): void;
}

/**
 * A what-if branch: an alternative history replayed from the real log with
 * some events skipped and hypothetical ones injected. It lives in memory only;
 * nothing in it is ever written to the log.
 */
export function createWhatIfBranch(options: {
  eventStore: EventStore;
  projections: readonly AnyProjection[];
  /** The real present the app holds (the memory image), so a branch need not rebuild it from keyframes; undefined while it loads. */
  live?: () => { seq: number; states: StatesOf } | undefined;
  /** Recomputes only what a branch touches; the ledger's by default. */
  shortcut?: WhatIfShortcut;
  /** The first rule a branch's changes break; the ledger's rules by default. */
  rules?: (eventStore: EventStore, branch: PreparedBranch) => Promise<BranchViolation | undefined>;
}): WhatIfBranch {
  const { eventStore, projections, rules = ledgerBranchRules } = options;
  const state = createStore<WhatIfState>(() => ({ loading: false }));
  let latest = 0;

  /** `opening`: a new branch, not a change to the open one. */
  async function replan(plan: BranchPlan, opening = false): Promise<void> {
    const request = ++latest;
    const previous = state.getState().plan;
    // A change shows in the open branch at once; an opened branch only once the rules pass, so a refused open
    // never swaps out the place it was asked from (which tells why, from the rejection).
    state.setState({ ...(!opening && { plan }), loading: true, error: undefined, progress: undefined });
    // Replaying starts at the earliest change: everything before it is the real state, read from keyframes.
    const fromSeq = Math.max(1, Math.min(plan.basePoint + 1, ...plan.skip, ...plan.inject.map((i) => i.afterSeq + 1)));
    try {
      const { branchStates, ledgerShortcut, prepareBranch } = await loadBranchEngine();
      const prepared = await prepareBranch(eventStore, fromSeq, { skip: plan.skip, inject: plan.inject });
      // Judged while its states are computed (both mostly wait on reads); a refused change stops a replay.
      const refused = new AbortController();
      const states = branchStates(eventStore, projections, prepared, {
        shortcut: options.shortcut ?? ledgerShortcut,
        live: options.live?.(),
        signal: refused.signal,
        onProgress: (progress) => {
          if (request === latest && !refused.signal.aborted) state.setState({ progress });
        },
      });
      // Left unawaited when the change is refused: its failure then says nothing new.
      states.catch(() => undefined);
      const violation = await rules(eventStore, prepared).catch((error: unknown) => {
        refused.abort();
        throw error;
      });
      if (violation) {
        refused.abort();
        throw new BranchRuleError(violation);
      }
      const result = await states;
      if (request === latest) state.setState({ plan, result, loading: false, progress: undefined });
    } catch (error) {
      // A change the branch cannot take is refused; the branch stays as it was.
      if (request === latest)
        state.setState({ plan: previous, loading: false, progress: undefined, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  // A scenario file or a shared link may carry events an older version wrote: the branch reads them as the log does.
  // An injection is input, not a read, so it carries the schema it is now in and no record of the lift.
  const lifted = (injections: readonly Injection[]): Injection[] =>
    injections.map((injection) => {
      const event = upcast(injection.event);
      if (event === injection.event) return injection;
      const { upcastFrom: _lifted, ...meta } = (event.meta ?? {}) as EventMeta;
      return { ...injection, event: { ...event, meta } };
    });

  const current = (): BranchPlan => {
    const plan = state.getState().plan;
    if (!plan) throw new Error('No what-if branch is open.');
    return plan;
  };

  return {
    ...state,
    start: (basePoint) => replan({ basePoint, skip: [], inject: [] }, true),
    open: (plan) => replan({ ...plan, inject: lifted(plan.inject) }, true),
    toggleSkip: async (seq) => {
      current();
      // A transfer is one decision: its two halves are skipped, and included again, together.
      const event = await (await loadBranchEngine()).eventAt(eventStore, seq);
      const partner = event && (await (await branchRules()).transferPartner(eventStore, event));
      const seqs = partner ? [seq, partner.meta.seq] : [seq];
      const plan = current();
      const rest = plan.skip.filter((s) => !seqs.includes(s));
      const skip = plan.skip.includes(seq) ? rest : [...rest, ...seqs].sort((a, b) => a - b);
      return replan({ ...plan, skip });
    },
    inject: (injections) => {
      const plan = current();
      return replan({ ...plan, inject: [...plan.inject, ...lifted(injections)] });
    },
    removeInjection: async (index) => {
      const plan = current();
      const partner = (await branchRules()).injectedPartner(plan.inject, index);
      return replan({ ...plan, inject: plan.inject.filter((_, i) => i !== index && i !== partner) });
    },
    discard: () => {
      latest++;
      state.setState({ plan: undefined, result: undefined, loading: false, error: undefined }, true);
    },
  };
}
