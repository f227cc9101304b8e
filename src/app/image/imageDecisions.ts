import type { EventStore } from '../../eventstore/index.ts';
import { decisionsProjection, type DecisionsState } from '../../domain/index.ts';
import { catchUp, type CatchUpLog, type DecisionSource } from '../commands/decisionSource.ts';
import { ImageFailedError } from '../errors.ts';
import type { MemoryImage } from './memoryImage.ts';

/** What the image's decision source needs of the log: its last seq, and whether storage is still sound. */
export type ImageDecisionsLog = CatchUpLog & Pick<EventStore, 'health' | 'onHealthChange'>;

/**
 * The memory image as the command handler's decision source: commands are
 * decided on the image's decision state and resolve once the image shows them.
 */
export function imageDecisions(image: MemoryImage, log: ImageDecisionsLog): DecisionSource {
  // The events are durable already; an image that cannot follow (storage trouble) must not hold the command up.
  const reached = (seq: number) =>
    new Promise<void>((resolve) => {
      if (log.health().state !== 'ok') return resolve();
      const stopWatching = log.onHealthChange((health) => {
        if (health.state === 'ok') return;
        stopWatching();
        resolve();
      });
      void image.reached(seq).then(() => {
        stopWatching();
        resolve();
      });
    });

  return {
    current: async () => {
      await image.ready;
      const { status, seq, states, error } = image.getState();
      if (status === 'failed') throw new ImageFailedError(error?.message);
      return { seq, state: states[decisionsProjection.name] as DecisionsState };
    },
    reached,
    catchUp: () => catchUp(log, () => image.getState().seq, reached),
  };
}
