import type { LiveRun } from '../sync/livePhase.ts';
import type { PullRound } from '../sync/pullPhase.ts';
import { median, percentile, perSecond } from './stats.ts';
import type { Metrics } from './targets.ts';

export type SyncStoreName = 'sqlite' | 'postgresql';

/** One round of bench/sync/serverAppend.ts on one store: the server's append against Emmett's own, same commits. */
export interface AppendRound {
  events: number;
  rewindEventsPerS: number;
  emmettEventsPerS: number;
  /** The pull endpoint alone (server side, no browser). */
  serverPullEventsPerS: number;
}

/** Everything the sync phases measured; a phase that failed or was skipped is absent. */
export interface SyncRun {
  /** Events in the space a new device pulls. */
  events: number;
  pull: Partial<Record<SyncStoreName, { seedMs: number; rounds: PullRound[] }>>;
  live?: LiveRun;
  append?: Partial<Record<SyncStoreName, AppendRound[]>>;
  timeline?: { phase: string; seconds: number; load: number }[];
  errors: Record<string, string>;
}

/**
 * The sync metrics under their plain names (they are measured at one size,
 * whatever sizes the rest of the bench ran): rates are the median of the rounds.
 */
export function syncMetrics(run: SyncRun): Metrics {
  const m: Metrics = {};
  const put = (name: string, value: number, unit: string) => {
    m[name] = { value, unit };
  };
  for (const [store, pull] of Object.entries(run.pull)) {
    if (pull.rounds.length === 0) continue;
    put(`sync_pull_eps_${store}`, median(pull.rounds.map((r) => perSecond(r.events, r.ms))), 'events/s');
    put(`sync_pull_ms_${store}`, median(pull.rounds.map((r) => r.ms)), 'ms');
  }
  const live = run.live?.samples.map((s) => s.ms) ?? [];
  if (live.length > 0) {
    put('sync_live_p50_ms', percentile(live, 50), 'ms');
    put('sync_live_p95_ms', percentile(live, 95), 'ms');
  }
  for (const [store, rounds] of Object.entries(run.append ?? {})) {
    if (rounds.length === 0) continue;
    // How many times slower the server's append (all its checks) is than Emmett's own; each round's own ratio,
    // so a busy moment of the machine weighs on both appends of that round alike.
    put(`sync_append_ratio_${store}`, median(rounds.map((r) => r.emmettEventsPerS / r.rewindEventsPerS)), 'x');
    put(`sync_append_eps_${store}`, median(rounds.map((r) => r.rewindEventsPerS)), 'events/s');
    put(`sync_append_emmett_eps_${store}`, median(rounds.map((r) => r.emmettEventsPerS)), 'events/s');
    put(`sync_server_pull_eps_${store}`, median(rounds.map((r) => r.serverPullEventsPerS)), 'events/s');
  }
  return m;
}
