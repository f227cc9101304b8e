import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventStore } from '../../eventstore/index.ts';
import { decisionsProjection } from '../../domain/index.ts';
import { whatIfGuardProjection } from '../../domain/whatif/whatIfGuard.ts';
import { afterNextPaint } from '../../lib/afterNextPaint.ts';
import { inMemoryBefore, pastStates, seqOf, type AnyProjection, type PastStates, type Position, type TravelMemo } from '../../replay/index.ts';

/**
 * The read models a past view leaves out: what commands are decided on (the
 * past takes no commands) and what a what-if branch checks the log with. Each
 * keyframe of them would be loaded and every event folded into them for
 * nothing, and the decisions are the costliest of all to load and to fold.
 */
const NOT_SHOWN: ReadonlySet<string> = new Set([decisionsProjection.name, whatIfGuardProjection.name]);

/**
 * What a past view shows: the read models the screens use (not the command
 * handler's decisions) at a seq. A jump lands with those the first screens
 * read; the `pending` ones follow, and what reads them waits (WholeImage).
 */
export interface PastView extends PastStates {
  pending: readonly string[];
}

export interface TimeTravelState {
  /** Undefined while viewing the present. */
  past?: PastView;
  /** A jump is being replayed; the previous view stays on screen meanwhile. */
  loading: boolean;
  error?: string;
}

/** A Zustand store of what is shown (getState, subscribe), with the moves beside. */
export interface TimeTravel extends StoreApi<TimeTravelState> {
  travelTo(position: Position): Promise<void>;
  /** Moves by `delta` events from the point being viewed (or from now). */
  step(delta: number): Promise<void>;
  toStart(): Promise<void>;
  backToNow(): void;
}

/**
 * Time travel: shows the state as it was at any point by replaying up to it,
 * never touching the live image or the log. Jumps can overlap (a slider being
 * dragged); only the newest one lands on screen. A move resolves once it has
 * landed; the `later` read models follow it.
 */
export function createTimeTravel(options: {
  eventStore: EventStore;
  projections: readonly AnyProjection[];
  /** The live image's seq: travelling to it or past it is the same as "now". */
  liveSeq: () => number;
  /** Read models no first screen reads (the memory image's `later`): a jump lands without them, and they follow. */
  later?: readonly string[];
}): TimeTravel {
  const { eventStore, liveSeq } = options;
  const shown = options.projections.filter((p) => !NOT_SHOWN.has(p.name));
  const isLater = (p: AnyProjection) => options.later?.includes(p.name) ?? false;
  const first = shown.filter((p) => !isLater(p));
  const later = shown.filter(isLater);
  const state = createStore<TimeTravelState>(() => ({ loading: false }));
  let latest = 0;
  // Steps back and forth start from the keyframes and states the moves before passed through.
  const passed: TravelMemo = new Map();

  async function travelTo(position: Position): Promise<void> {
    const request = ++latest;
    state.setState({ loading: true, error: undefined });
    try {
      const seq = await seqOf(eventStore, position);
      if (seq >= liveSeq()) {
        if (request === latest) state.setState({ past: undefined, loading: false });
        return;
      }
      // The view on screen is a head start when the new point is after it (a slider dragged on, a step forward).
      const before = state.getState().past;
      // The larger read models wait only when they would cost a keyframe to load; a step folds them from memory at once.
      // A move made while the view on screen still waits for them (a key held on the slider) takes them at once too,
      // so each move does not leave them for after its frame, where the next move meets them.
      const together = later.every((p) => inMemoryBefore(passed, p, seq, before)) || (before?.pending.length ?? 0) > 0;
      const landed = await pastStates(eventStore, together ? shown : first, seq, before, passed);
      if (request !== latest) return;
      state.setState({ past: { ...landed, pending: together ? [] : later.map((p) => p.name) }, loading: false });
      if (!together) void followWith(request, landed, before);
    } catch (error) {
      failed(request, error);
    }
  }

  /**
   * The read models a jump landed without, once the landing is on screen, and
   * unless a newer move came meanwhile (a key held on the slider skips them).
   */
  async function followWith(request: number, landed: PastStates, before: PastStates | undefined): Promise<void> {
    try {
      await afterNextPaint();
      if (request !== latest) return;
      const rest = await pastStates(eventStore, later, landed.seq, before, passed);
      if (request !== latest) return;
      state.setState({ past: { ...landed, states: { ...landed.states, ...rest.states }, pending: [] } });
    } catch (error) {
      failed(request, error);
    }
  }

  function failed(request: number, error: unknown): void {
    if (request === latest) state.setState({ loading: false, error: error instanceof Error ? error.message : String(error) });
  }

  return {
    ...state,
    travelTo,
    step: (delta) => travelTo(Math.max(0, (state.getState().past?.seq ?? liveSeq()) + delta)),
    toStart: () => travelTo(0),
    backToNow: () => {
      latest++;
      state.setState({ past: undefined, loading: false, error: undefined });
    },
  };
}
