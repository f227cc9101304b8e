import type { DocumentStore, JsonValue } from '../../eventstore/index.ts';
import type { BranchPlan } from './whatIfBranch.ts';

/** Saved what-if branches live beside the log (its documents), never in it, and survive imports. */
const SCENARIO_KIND = 'scenario';
export const MAX_SCENARIO_NAME = 100;

export interface SavedScenario {
  id: string;
  name: string;
  savedAt: string;
  plan: BranchPlan;
}

const isSeqList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isSafeInteger(n));

/** A stored document read back as a scenario, or undefined when it is not one this version understands. */
function asScenario(id: string, savedAt: string, data: unknown): SavedScenario | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { name, plan } = data as { name?: unknown; plan?: Partial<BranchPlan> };
  if (typeof name !== 'string' || typeof plan !== 'object' || plan === null) return undefined;
  if (!Number.isSafeInteger(plan.basePoint) || !isSeqList(plan.skip) || !Array.isArray(plan.inject)) return undefined;
  return { id, name, savedAt, plan: plan as BranchPlan };
}

async function listScenarios(store: DocumentStore): Promise<SavedScenario[]> {
  const rows = await store.documentsOfKind(SCENARIO_KIND);
  return rows
    .map((row) => asScenario(row.id, row.savedAt, row.data))
    .filter((s): s is SavedScenario => s !== undefined)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

async function saveScenario(
  store: DocumentStore,
  scenario: { id?: string; name: string; plan: BranchPlan; savedAt?: string },
): Promise<SavedScenario> {
  const saved: SavedScenario = {
    id: scenario.id ?? `scenario-${crypto.randomUUID()}`,
    name: scenario.name,
    savedAt: scenario.savedAt ?? new Date().toISOString(),
    plan: scenario.plan,
  };
  const data = { name: saved.name, plan: saved.plan } as unknown as JsonValue;
  await store.putDocument({ id: saved.id, kind: SCENARIO_KIND, savedAt: saved.savedAt, data });
  return saved;
}

/** What-if scenarios saved on this device. */
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
    remove: (id) => store.deleteDocument(id),
  };
}
