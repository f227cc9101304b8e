import type {
  BaselineResult,
  CommandsResult,
  ExportRun,
  FullReplayResult,
  ImportRun,
  KeyframesResult,
  SeedResult,
  SnapshotsResult,
  TimeTravelResult,
  UpcastReplayResult,
  WhatIfRun,
} from '../page/protocol.ts';
import type { ProfileLine } from './cpuProfile.ts';
import type { InteractionRun } from '../ui/interactions.ts';
import { median, percentile, perSecond, sizeLabel } from './stats.ts';
import type { Metrics } from './targets.ts';

export interface ReloadRun {
  /** Navigation start to the 'rewind:first-screen' mark (the read models the first screen shows are in), each load. */
  ms: number[];
  /** Navigation start to the 'rewind:image-ready' mark (every read model in), each load. */
  wholeMs: number[];
  /** Navigation start to DOMContentLoaded done (the app's script has run), each load: the rest is the image's boot. */
  domContentLoadedMs: number[];
  /** Navigation start to the app starting to open the log ('rewind:log-opening'), each load. */
  openingMs: number[];
  /** Navigation start to the memory image starting its boot replay ('rewind:image-booting'), each load. */
  bootingMs: number[];
  /** Events the image replayed on top of its snapshots, per the mark. */
  replayed: number;
  heapMb: number;
}

/** Everything measured at one log size; a phase that failed or was skipped is absent. */
export interface SizeRun {
  events: number;
  seed?: SeedResult;
  baselines?: BaselineResult;
  fullReplay?: FullReplayResult;
  upcastReplay?: UpcastReplayResult;
  keyframes?: KeyframesResult;
  snapshots?: SnapshotsResult;
  /** JS heap each read model's newest snapshot takes once loaded, in MB. */
  heapByModelMb?: Record<string, number>;
  reload?: ReloadRun;
  /** Through the production app's UI (bench/ui/). */
  interactions?: InteractionRun;
  /** The same app under the phone profile: reloads and interactions. */
  phone?: { reload: ReloadRun; interactions: InteractionRun };
  timeTravel?: TimeTravelResult;
  whatIf?: WhatIfRun;
  /** The same branch with its deposit on the busiest account, whose history runs through the whole log. */
  whatIfBusiest?: WhatIfRun;
  exportRun?: ExportRun & { peakHeapMb: number };
  importRun?: ImportRun & { peakHeapMb: number };
  verifyRun?: ImportRun;
  commands?: CommandsResult & {
    /** JS heap of the writing tab once its commands are done (image, tail cache, stream buckets and id filter held), after a GC, in MB. */
    heapAfterMb?: number;
  };
  /** How long each phase took, and the machine's 1-minute load average as it ended. */
  timeline?: { phase: string; seconds: number; load: number }[];
  /** With --profile: self time by function, per phase. */
  cpu?: Record<string, ProfileLine[]>;
  errors: Record<string, string>;
}

const MB = 1024 * 1024;

/** The metrics of one size, under their plain names (no size suffix yet). */
export function metricsOfRun(run: SizeRun): Metrics {
  const m: Metrics = {};
  const put = (name: string, value: number, unit: string) => {
    m[name] = { value, unit };
  };
  if (run.reload && run.reload.ms.length > 0) {
    put('reload_ms', median(run.reload.ms), 'ms');
    // Informational: the part of a reload that is the app's own (opening the log and loading the image), after the page's scripts ran.
    const own = run.reload.ms.map((ms, i) => ms - run.reload!.openingMs[i]!).filter((ms) => Number.isFinite(ms));
    if (own.length > 0) put('reload_open_to_ready_ms', median(own), 'ms');
    // Informational: until the read models the first screen does not show are in too.
    if (run.reload.wholeMs.length > 0) put('reload_whole_ms', median(run.reload.wholeMs), 'ms');
    put('heap_mb', run.reload.heapMb, 'MB');
  }
  putInteractions(put, run.interactions, '');
  if (run.fullReplay) {
    put('full_replay_ms', run.fullReplay.ms, 'ms');
    put('full_replay_events_per_s', run.fullReplay.eventsPerS, 'events/s');
    // Informational: the part of the full replay spent checking page checksums.
    if (run.fullReplay.checksumMs !== undefined) put('full_replay_checksum_ms', run.fullReplay.checksumMs, 'ms');
  }
  const upcast = run.upcastReplay?.rounds ?? [];
  if (upcast.length > 0) {
    // Each round's own ratio, so a slow moment of the machine weighs on both of its replays alike.
    put('upcast_replay_ratio', median(upcast.map((r) => r.liftedMs / r.storedMs)), 'x');
    put('upcast_replay_ms', median(upcast.map((r) => r.liftedMs)), 'ms');
    put('upcast_replay_stored_ms', median(upcast.map((r) => r.storedMs)), 'ms');
    // Informational: every movement lifted on read, as for a log 0.1.0 wrote.
    const old = upcast.flatMap((r) => (r.schemaOneMs === undefined ? [] : [r.schemaOneMs]));
    if (old.length > 0) put('upcast_replay_schema1_ms', median(old), 'ms');
    // Informational: the lifting alone over the current log, which no busy moment of the machine blurs as it does a whole replay.
    put('upcast_replay_lift_ms', run.upcastReplay!.liftMs, 'ms');
  }
  const appends = run.commands?.appends.map((a) => a.ms) ?? [];
  if (appends.length > 0) {
    put('append_p50_ms', percentile(appends, 50), 'ms');
    put('append_p95_ms', percentile(appends, 95), 'ms');
  }
  const burst = run.commands?.burst;
  // No command done within the time budget is a rate of zero, not a missing figure.
  if (burst) put('burst_commands_per_s', burst.ok === 0 ? 0 : perSecond(burst.ok, burst.ms), 'commands/s');
  if (run.commands?.heapAfterMb !== undefined) put('heap_after_commands_mb', run.commands.heapAfterMb, 'MB');
  const jumps = run.timeTravel?.jumps.map((j) => j.ms) ?? [];
  if (jumps.length > 0) {
    put('time_travel_p50_ms', percentile(jumps, 50), 'ms');
    put('time_travel_p95_ms', percentile(jumps, 95), 'ms');
    // Informational: to the whole past view, the larger read models that no first screen reads included.
    put('time_travel_whole_p95_ms', percentile(run.timeTravel!.jumps.map((j) => j.wholeMs), 95), 'ms');
  }
  if (run.whatIf) put('what_if_ms', run.whatIf.ms, 'ms');
  // Informational: the injected deposit on the account with the longest history.
  if (run.whatIfBusiest) put('what_if_busiest_ms', run.whatIfBusiest.ms, 'ms');
  if (run.importRun) {
    put('import_events_per_s', run.importRun.events === 0 ? 0 : perSecond(run.importRun.events, run.importRun.ms), 'events/s');
    put('import_peak_heap_mb', run.importRun.peakHeapMb, 'MB');
  }
  if (run.verifyRun && run.verifyRun.events > 0)
    put('import_verify_events_per_s', perSecond(run.verifyRun.events, run.verifyRun.ms), 'events/s');
  if (run.exportRun) {
    put('export_events_per_s', perSecond(run.exportRun.events, run.exportRun.ms), 'events/s');
    put('export_peak_heap_mb', run.exportRun.peakHeapMb, 'MB');
  }
  if (run.snapshots) put('snapshot_mb', run.snapshots.projections.reduce((n, s) => n + s.jsonBytes, 0) / MB, 'MB');
  const b = run.baselines;
  if (b) {
    put('raw_rows_events_per_s', b.rawRows.eventsPerS, 'events/s');
    put('raw_packed_events_per_s', b.rawPacked.eventsPerS, 'events/s');
    put('raw_packed_json_events_per_s', b.rawPackedJson.eventsPerS, 'events/s');
    put('naive_replay_events_per_s', b.naive.eventsPerS, 'events/s');
    put('store_read_events_per_s', b.storeRead.eventsPerS, 'events/s');
    put('one_tx_commands_per_s', b.oneTx.perS, 'commands/s');
    put('one_tx_relaxed_commands_per_s', b.oneTxRelaxed.perS, 'commands/s');
  }
  return m;
}

/** p95 of each interaction (the opening: its median), under `prefix`; an interaction not run gives no figure. */
function putInteractions(put: (name: string, value: number, unit: string) => void, run: InteractionRun | undefined, prefix: string): void {
  if (!run) return;
  const p95 = (name: string, samples: readonly number[]) => samples.length > 0 && put(`${prefix}${name}`, percentile(samples, 95), 'ms');
  p95('command_to_row_p95_ms', run.commandMs);
  p95('travel_step_p95_ms', run.travelStepMs);
  p95('filter_key_p95_ms', run.filterKeyMs);
  if (run.openAccountMs.length > 0) put(`${prefix}open_account_ms`, median(run.openAccountMs), 'ms');
}

/** The phone profile's figures, named for it whatever size it ran at (the targets state its size). */
function phoneMetrics(runs: readonly SizeRun[]): Metrics {
  const m: Metrics = {};
  const put = (name: string, value: number, unit: string) => {
    m[name] = { value, unit };
  };
  for (const { phone } of runs) {
    if (!phone) continue;
    if (phone.reload.ms.length > 0) put('phone_reload_ms', median(phone.reload.ms), 'ms');
    putInteractions(put, phone.interactions, 'phone_');
  }
  return m;
}

/**
 * Every size's metrics in one record: the largest size under the plain names
 * (the targets are stated at 1,000,000 events), each smaller one suffixed
 * with its size (`reload_ms_10k`).
 */
export function collectMetrics(runs: readonly SizeRun[], extra: Metrics = {}): Metrics {
  const largest = Math.max(...runs.map((r) => r.events));
  const out: Metrics = {};
  for (const run of [...runs].sort((a, b) => b.events - a.events)) {
    for (const [name, metric] of Object.entries(metricsOfRun(run)))
      out[run.events === largest ? name : `${name}_${sizeLabel(run.events)}`] = metric;
  }
  return { ...out, ...phoneMetrics(runs), ...extra };
}
