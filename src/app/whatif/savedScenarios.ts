import type { DocumentStore } from '../../eventstore/index.ts';
import type { BranchPlan } from './whatIfBranch.ts';
import { deleteScenario, listScenarios, saveScenario, type SavedScenario } from './scenarios.ts';

/** What-if scenarios saved on this device, beside the log (never in it): they survive imports. */
export interface SavedScenarios {
  /** Newest first. */
  list(): Promise<SavedScenario[]>;
  /** Saves a scenario; with the id of a saved one, overwrites it. */
  save(scenario: { id?: string; name: string; plan: BranchPlan; savedAt?: string }): Promise<SavedScenario>;
  remove(id: string): Promise<void>;
}

export function savedScenarios(store: DocumentStore): SavedScenarios {
  return {
    list: () => listScenarios(store),
    save: (scenario) => saveScenario(store, scenario),
    remove: (id) => deleteScenario(store, id),
  };
}
