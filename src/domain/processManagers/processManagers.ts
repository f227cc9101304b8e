import type { AnyProcessManager } from './types.ts';
import { verificationMailer } from './verificationMailer.ts';
import { withdrawalNotifier } from './withdrawalNotifier.ts';

/** The managers the app runs, in the order they see each event. */
export const processManagers: readonly AnyProcessManager[] = [verificationMailer, withdrawalNotifier];

/** Their checkpoint names, for an import that writes checkpoints inside its own transaction. */
export const PROCESS_MANAGER_CHECKPOINTS: readonly string[] = processManagers.map((m) => m.name);
