/** The benchmark's targets, checked against the measured metrics (pure: no browser, no clock). */

export interface Metric {
  value: number;
  unit: string;
}

export type Metrics = Record<string, Metric>;

/** A bound is a fixed number, or another metric times a factor (the ratio targets). */
export type Bound = number | { metric: string; factor: number };

export interface TargetSpec {
  metric: string;
  op: '<' | '<=' | '>=';
  bound: Bound;
  /** The target in words. */
  text: string;
}

export interface TargetResult {
  metric: string;
  op: TargetSpec['op'];
  text: string;
  value: number | null;
  /** The bound worked out from the metrics; null when a metric it needs was not measured. */
  limit: number | null;
  /** How the limit was reached, e.g. "full_replay_ms / 40". */
  limitText: string;
  status: 'PASS' | 'FAIL' | 'MISSING';
}

export const TARGETS: readonly TargetSpec[] = [
  { metric: 'reload_ms', op: '<=', bound: { metric: 'reload_empty_ms', factor: 1.3 }, text: 'reload at most 1.3x the same app reloaded with an empty log' },
  { metric: 'reload_open_to_ready_ms', op: '<', bound: 100, text: "the app's own part of a reload (log opening to ready image) under 100 ms" },
  { metric: 'reload_ms', op: '<=', bound: { metric: 'reload_ms_10k', factor: 1.5 }, text: 'reload within 1.5x of reload at 10k' },
  {
    metric: 'full_replay_events_per_s',
    op: '>=',
    bound: { metric: 'naive_replay_events_per_s', factor: 3 },
    text: 'full replay at least 3x the naive baseline',
  },
  {
    metric: 'upcast_replay_ratio',
    op: '<=',
    bound: 1.05,
    text: 'full replay of current events through the upcasters within 5% of the stored log',
  },
  { metric: 'append_p95_ms', op: '<', bound: 5, text: 'append p95 under 5 ms' },
  { metric: 'append_p95_ms_10k', op: '<', bound: 5, text: 'append p95 under 5 ms at 10k too' },
  {
    metric: 'burst_commands_per_s',
    op: '>=',
    bound: { metric: 'one_tx_commands_per_s', factor: 20 },
    text: 'burst at least 20x one transaction per command',
  },
  { metric: 'time_travel_p95_ms', op: '<', bound: 100, text: 'time travel p95 under 100 ms' },
  { metric: 'what_if_ms', op: '<', bound: 150, text: 'what-if 500k back under 150 ms' },
  { metric: 'import_events_per_s', op: '>=', bound: 100_000, text: 'import at least 100k events/s' },
  { metric: 'export_events_per_s', op: '>=', bound: 300_000, text: 'export at least 300k events/s' },
  { metric: 'import_peak_heap_mb', op: '<', bound: 300, text: 'peak JS heap during import under 300 MB' },
  { metric: 'export_peak_heap_mb', op: '<', bound: 300, text: 'peak JS heap during export under 300 MB' },
  { metric: 'heap_mb', op: '<', bound: 150, text: 'JS heap with the image ready under 150 MB' },
  { metric: 'boot_bundle_kb', op: '<', bound: 150, text: 'boot bundle under 150 KB gzipped' },
  // What a person feels, through the production app's UI (bench/ui/).
  { metric: 'command_to_row_p95_ms', op: '<', bound: 50, text: 'a command from submit to its history row, p95 under 50 ms' },
  { metric: 'travel_step_p95_ms', op: '<', bound: 100, text: 'a time-travel step (slider key) to the updated screen, p95 under 100 ms' },
  { metric: 'open_account_ms', op: '<', bound: 100, text: 'opening an account with a 10,000-event history under 100 ms' },
  { metric: 'filter_key_p95_ms', op: '<', bound: 100, text: "a keystroke in the event log's text filter, p95 under 100 ms" },
  // The phone profile: 100k events, CPU 4x slower, a phone's screen.
  { metric: 'phone_reload_ms', op: '<', bound: 1000, text: 'phone (100k, CPU 4x slower): reload under 1 s' },
  { metric: 'phone_command_to_row_p95_ms', op: '<', bound: 100, text: 'phone: a command to its history row, p95 under 100 ms' },
  { metric: 'phone_travel_step_p95_ms', op: '<', bound: 200, text: 'phone: a time-travel step, p95 under 200 ms' },
  // Sync (issue 17): measured at one space size whatever the log sizes, see bench/sync/.
  { metric: 'sync_pull_eps_sqlite', op: '>=', bound: 50_000, text: 'a new device pulls at least 50k events/s (SQLite)' },
  { metric: 'sync_pull_eps_postgresql', op: '>=', bound: 50_000, text: 'a new device pulls at least 50k events/s (PostgreSQL)' },
  { metric: 'sync_live_p95_ms', op: '<', bound: 300, text: 'a command on another online device p95 under 300 ms' },
  { metric: 'sync_append_ratio_sqlite', op: '<=', bound: 2, text: "server append within 2x of Emmett's own (SQLite)" },
  { metric: 'sync_append_ratio_postgresql', op: '<=', bound: 2, text: "server append within 2x of Emmett's own (PostgreSQL)" },
];

function holds(value: number, op: TargetSpec['op'], limit: number): boolean {
  if (op === '<') return value < limit;
  if (op === '<=') return value <= limit;
  return value >= limit;
}

function describeBound(bound: Bound): string {
  if (typeof bound === 'number') return String(bound);
  const { metric, factor } = bound;
  return factor < 1 ? `${metric} / ${Math.round(1 / factor)}` : `${factor}x ${metric}`;
}

export function checkTarget(spec: TargetSpec, metrics: Metrics): TargetResult {
  const value = metrics[spec.metric]?.value ?? null;
  const limit = typeof spec.bound === 'number' ? spec.bound : (metrics[spec.bound.metric]?.value ?? null) === null
    ? null
    : metrics[spec.bound.metric]!.value * spec.bound.factor;
  const base = { metric: spec.metric, op: spec.op, text: spec.text, value, limit, limitText: describeBound(spec.bound) };
  if (value === null || limit === null || !Number.isFinite(value) || !Number.isFinite(limit)) return { ...base, status: 'MISSING' };
  return { ...base, status: holds(value, spec.op, limit) ? 'PASS' : 'FAIL' };
}

export function checkTargets(metrics: Metrics, specs: readonly TargetSpec[] = TARGETS): TargetResult[] {
  return specs.map((spec) => checkTarget(spec, metrics));
}

/** How far inside its limit a result is, as a ratio: above 1 passes, and the lower, the worse. */
function margin(result: TargetResult): number {
  if (result.value === null || result.limit === null) return Number.NEGATIVE_INFINITY;
  if (result.op === '>=') return result.limit === 0 ? Number.POSITIVE_INFINITY : result.value / result.limit;
  return result.value === 0 ? Number.POSITIVE_INFINITY : result.limit / result.value;
}

/**
 * Each target's worst result over several runs of the whole bench (one
 * checkTargets per run, same target order): a target holds only if it held
 * in every run, and the figure quoted is the run where it came closest to
 * failing, or failed by most. A target missing in any run is missing.
 */
export function worstOfRuns(runs: readonly (readonly TargetResult[])[]): (TargetResult & { run: number })[] {
  if (runs.length === 0) return [];
  return runs[0]!.map((_, i) => {
    const results = runs.map((results, run) => ({ ...results[i]!, run }));
    const missing = results.find((r) => r.status === 'MISSING');
    if (missing) return missing;
    return results.reduce((worst, r) => (margin(r) < margin(worst) ? r : worst));
  });
}
