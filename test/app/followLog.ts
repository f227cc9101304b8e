import type { EventStore } from '../../src/eventstore/index.ts';
import { decisionsProjection } from '../../src/domain/index.ts';
import { catchUp, type DecisionSource, type DecisionView } from '../../src/app/commands/decisionSource.ts';
import { createCommandHandler, type CommandHandler, type CommandHandlerOptions, type CommandLog } from '../../src/app/commands/commandHandler.ts';
import { SeqWaiters } from '../../src/lib/seqWaiters.ts';

export type FollowedLog = Pick<EventStore, 'subscribe' | 'lastSeq' | 'notifyAppended'>;

/**
 * A decision source that folds the log's events itself, for a command handler
 * with no memory image behind it. It reads the whole log once, when it starts;
 * after that it folds each new event as the subscription delivers it.
 */
export function followLog(log: FollowedLog): DecisionSource & { stop(): void } {
  let view: DecisionView = { seq: 0, state: decisionsProjection.initial };
  const waiters = new SeqWaiters(() => view.seq);
  const reached = (seq: number) => waiters.until(seq);

  const unsubscribe = log.subscribe(
    1,
    (events) => {
      let state = view.state;
      for (const event of events) state = decisionsProjection.apply(state, event);
      view = { seq: events[events.length - 1]!.meta.seq, state };
      waiters.wake();
    },
    // A failed read leaves the state as it was; nobody waits for it, and the next wake reads again.
    () => waiters.releaseAll(),
  );

  const catchUpNow = () => catchUp(log, () => view.seq, reached);
  // A first read that fails is no reason to refuse commands: a stale state shows up as a conflict and is caught up then.
  const started = catchUpNow().catch(() => 0);

  return {
    current: async () => {
      await started;
      return view;
    },
    reached,
    catchUp: catchUpNow,
    stop: () => {
      unsubscribe();
      waiters.releaseAll();
    },
  };
}

/** A command handler writing to `log` and deciding on followLog(log); `stop` ends the following. */
export function followingHandler(
  log: FollowedLog & CommandLog,
  settings: Omit<CommandHandlerOptions, 'log' | 'decisions'> = {},
): CommandHandler & { stop(): void } {
  const decisions = followLog(log);
  return { ...createCommandHandler({ log, decisions, ...settings }), stop: decisions.stop };
}
