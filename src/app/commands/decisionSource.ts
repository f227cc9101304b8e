import type { EventStore } from '../../eventstore/index.ts';
import { decisionsProjection, type DecisionsState } from '../../domain/readModels/decisions.ts';

/** The decision state with every event through `seq` folded in. */
export type DecisionView = { seq: number; state: DecisionsState };

/**
 * Where the command handler finds the state it decides on: the memory image in
 * the app, the branch's state inside a what-if branch, or the store itself,
 * followed from its first event (see followStore).
 */
export interface DecisionSource {
  /** The newest state held; waits while there is none yet (an image still booting), throws when there will be none. */
  current(): Promise<DecisionView>;
  /** Resolves once the state holds every event through `seq`, or cannot follow the log any further for now. */
  reached(seq: number): Promise<void>;
  /** Brings the state up to the log as it stands now (another tab may have written); resolves to the log's last seq. */
  catchUp(): Promise<number>;
}

export type FollowableStore = Pick<EventStore, 'subscribe' | 'lastSeq' | 'notifyAppended'>;

/**
 * A decision source that folds the store's events itself, for a handler with no
 * memory image behind it (tests, tools). It reads the whole log once, when it
 * starts; after that it folds each new event as the subscription delivers it.
 */
export function followStore(store: FollowableStore): DecisionSource & { stop(): void } {
  let view: DecisionView = { seq: 0, state: decisionsProjection.initial };
  let waiters: { seq: number; resolve: () => void }[] = [];

  const release = (all: boolean) => {
    waiters = waiters.filter((w) => (all || w.seq <= view.seq ? (w.resolve(), false) : true));
  };
  const reached = (seq: number) =>
    seq <= view.seq ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ seq, resolve }));

  const unsubscribe = store.subscribe(
    1,
    (events) => {
      let state = view.state;
      for (const event of events) state = decisionsProjection.apply(state, event);
      view = { seq: events[events.length - 1]!.meta.seq, state };
      release(false);
    },
    // A failed read leaves the state as it was; nobody waits for it, and the next wake reads again.
    () => release(true),
  );

  const catchUp = async () => {
    const seq = await store.lastSeq();
    if (seq > view.seq) {
      // Wake the subscription: a write it was not told about (or a read that failed) would leave it behind.
      store.notifyAppended();
      await reached(seq);
    }
    return seq;
  };
  // A first read that fails is no reason to refuse commands: a stale state shows up as a conflict and is caught up then.
  const started = catchUp().catch(() => 0);

  return {
    current: async () => {
      await started;
      return view;
    },
    reached,
    catchUp,
    stop: () => {
      unsubscribe();
      release(true);
    },
  };
}
