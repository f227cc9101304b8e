import type { CheckpointStore } from '../../eventstore/index.ts';
import type { AnyProcessManager } from '../../domain/processManagers/types.ts';
import { processManagers } from '../../domain/processManagers/processManagers.ts';

/**
 * Marks every event up to `seq` as handled by every manager, so events brought
 * in by an import (or sample data) never trigger messages. Checkpoints only move
 * forward. Call it right after the import's events are stored; running managers
 * re-read their checkpoints before each batch of events.
 */
export async function markHandledThrough(
  log: CheckpointStore,
  seq: number,
  managers: readonly AnyProcessManager[] = processManagers,
): Promise<void> {
  for (const { name } of managers) {
    if ((await log.getCheckpoint(name)) < seq) await log.setCheckpoint(name, seq);
  }
}
