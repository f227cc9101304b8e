import { syntheticLedger } from '../../src/domain/index.ts';
import type { InteractionOptions } from './interactions.ts';

/** How many of each interaction a phase times, and what it types. */
export interface InteractionPlan {
  commands: number;
  warmup: number;
  travelSteps: number;
  keystrokes: number;
  opens: number;
  filterText: string;
}

/** The first account the synthetic ledger opens: with `busiestShare` set, the one with the longest history. */
export function busiestAccount(seed: number): string {
  const [opened] = syntheticLedger({ accounts: 1, events: 5, seed });
  return (opened!.payload as { accountNumber: string }).accountNumber;
}

/** A plan's options for a log of `events` seeded with `seed` (amounts differ by size, so runs never repeat a line). */
export function interactionOptions(plan: InteractionPlan, seed: number, events: number): InteractionOptions {
  return { ...plan, busiestAccount: busiestAccount(seed), seed: seed + events };
}
