import type { EventStore } from '../../eventstore/index.ts';
import type { AnyProcessManager } from './types.ts';
import { verificationMailer } from './verificationMailer.ts';
import { withdrawalNotifier } from './withdrawalNotifier.ts';

/** The managers the app runs, in the order they see each event. */
export const processManagers: readonly AnyProcessManager[] = [verificationMailer, withdrawalNotifier];

/** Their checkpoint names, for an import that writes checkpoints inside its own transaction. */
export const PROCESS_MANAGER_CHECKPOINTS: readonly string[] = processManagers.map((m) => m.name);

/**
 * Marks every event up to `seq` as handled by every manager, so events brought
 * in by an import (or sample data) never trigger messages. Checkpoints only move
 * forward. Call it right after the import's events are stored; running managers
 * re-read their checkpoints before each page of events.
 */
export async function markHandledThrough(
  store: Pick<EventStore, 'getCheckpoint' | 'setCheckpoint'>,
  seq: number,
  managers: readonly AnyProcessManager[] = processManagers,
): Promise<void> {
  for (const { name } of managers) {
    if ((await store.getCheckpoint(name)) < seq) await store.setCheckpoint(name, seq);
  }
}
