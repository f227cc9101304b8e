import { create } from 'zustand';
import type { BranchPlan, Ledger } from '../../app/index.ts';

export type BranchPanel = 'compare' | 'inject' | 'save';

/** What the what-if bar shows besides the branch itself; one tab, one session. */
export interface ScenarioSession {
  /** The scenario the open branch was opened from or last saved as (no id: opened from a file, not saved here). */
  saved?: { id?: string; name: string };
  /** The panel unfolded under the branch banner. */
  panel?: BranchPanel;
  /** Where the inject form puts its event, when a row of the event log chose it. */
  injectAfter?: number;
  /** The plan as opened (a scenario, a file, a merge's events) or last saved: changes after it are not saved. */
  kept?: BranchPlan;
}

export const useScenarioSession = create<ScenarioSession>(() => ({}));

/** Forgets the session's scenario and panels: a new branch starts clean. */
export function resetScenarioSession(saved?: ScenarioSession['saved']): void {
  useScenarioSession.setState({ saved, panel: undefined, injectAfter: undefined }, true);
}

/** Opens a plan as the what-if branch, back at now, with a clean session naming the scenario it came from (if any). */
export async function openBranchPlan(ledger: Pick<Ledger, 'travel' | 'branch'>, plan: BranchPlan, saved?: ScenarioSession['saved']): Promise<void> {
  ledger.travel.backToNow();
  resetScenarioSession(saved);
  useScenarioSession.setState({ kept: plan });
  await ledger.branch.open(plan);
}
