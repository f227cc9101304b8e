import type { EventStore } from '../../eventstore/index.ts';
import type { DecisionsState } from '../../domain/readModels/decisions.ts';

/** The decision state with every event through `seq` folded in; `at`, when the source fixes when its events are recorded (a what-if branch in the past). */
export type DecisionView = { seq: number; state: DecisionsState; at?: string };

/**
 * Where the command handler finds the state it decides on: the memory image in
 * the app, or the branch's state inside a what-if branch.
 */
export interface DecisionSource {
  /** The newest state held; waits while there is none yet (an image still booting), throws when there will be none. */
  current(): Promise<DecisionView>;
  /** Resolves once the state holds every event through `seq`, or cannot follow the log any further for now. */
  reached(seq: number): Promise<void>;
  /** Brings the state up to the log as it stands now (another tab may have written); resolves to the log's last seq. */
  catchUp(): Promise<number>;
}

/** What a state that follows the log by subscription needs of it to catch up. */
export type CatchUpLog = Pick<EventStore, 'lastSeq' | 'notifyAppended'>;

/**
 * DecisionSource.catchUp for a state that follows the log by subscription:
 * reads the log's last seq and, when the state holds less, wakes the
 * subscription (a write it was not told about, or a read that failed, leaves
 * it waiting for news) and waits until the state reaches that seq.
 */
export async function catchUp(log: CatchUpLog, heldSeq: () => number, reached: (seq: number) => Promise<void>): Promise<number> {
  const seq = await log.lastSeq();
  if (seq > heldSeq()) {
    log.notifyAppended();
    await reached(seq);
  }
  return seq;
}
