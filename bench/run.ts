/**
 * `npm run bench`: the performance benchmark (docs/performance.md). Builds the production app and a bench
 * page of the app's real modules, serves both on one origin, and measures them
 * in headless Chromium at 10k, 100k and 1M events, each size in a browser
 * profile of its own kept on disk like a real one. Prints a table with PASS or
 * FAIL per target and writes bench/results.json (details in bench/out/).
 * docs/performance.md explains the method and the figures.
 *
 *   npm run bench                     10k, 100k and 1M events
 *   npm run bench -- --quick          10k and 100k only (development)
 *   npm run bench -- --sizes 10k,50k  any sizes
 *   npm run bench -- --skip-build     reuse bench/out/site
 *   npm run bench -- --fresh          seed every profile anew (no cached copy)
 *   npm run bench -- --profile        CPU profiles of the main phases (into bench/out/*-profile.*)
 *   npm run bench -- --port 4178      the origin's port (seeded profiles are cached per port)
 *   npm run bench -- --report         print the tables of the last bench/results.json again
 *   npm run bench -- --only burst,time  only the phases whose names contain these words (development; seeding always runs;
 *                                       results go to bench/out/results-only.json), e.g. --sizes 10k --only upcast
 *   npm run bench -- --pack-size 100  events per record in the packed baselines (default 500)
 *   npm run bench -- --sync-events 10k  events in the space the sync phases pull (default 100k)
 *   npm run bench -- --sizes 10k --only sync --port 4193  the sync phases alone (bench/sync/)
 *   npm run bench -- --runs 3         three whole runs in a row, each target quoted from its worst
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { buildVariant } from '../test/e2e/support/buildVariant.ts';
import { projectRoot } from '../test/e2e/support/preview.ts';
import { KEYFRAMES } from '../src/replay/snapshotPolicy.ts';
import { bootScreenshot, measureBootBundle, measureEmptyReload, measureReload, type BootBundle } from './app.ts';
import { cpuProfileDuring, heapAfterGc, launch, machine, onBenchPage, onPage, peakHeapDuring } from './browser.ts';
import { measureInteractions } from './ui/interactions.ts';
import { applyPhoneProfile, PHONE } from './ui/phone.ts';
import { interactionOptions } from './ui/plan.ts';
import { selfTimes } from './lib/cpuProfile.ts';
import { formatNumber } from './lib/format.ts';
import { collectMetrics, type SizeRun } from './lib/metrics.ts';
import { median, parseSize, percentile, sizeLabel } from './lib/stats.ts';
import { checkTargets, worstOfRuns, type Metrics, type TargetResult } from './lib/targets.ts';
import type { BaselineResult, SeedResult } from './page/protocol.ts';
import { launchProfile, ProfileCache, seedKey } from './profiles.ts';
import { markdownReport, printReport, sizesChart } from './report.ts';
import { startBenchServer } from './server.ts';
import { syncMetrics, type SyncRun } from './lib/syncMetrics.ts';
import { runSync } from './sync/runSync.ts';

const benchDir = import.meta.dirname;
const DEFAULT_PORT = '4178';
const outDir = join(benchDir, 'out');
/** Runs on other ports (two at once) build and keep profiles apart; the default port keeps the plain names. */
const portSuffix = (port: string) => (port === DEFAULT_PORT ? '' : `-${port}`);

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    /** Seed every profile anew instead of copying a cached one. */
    fresh: { type: 'boolean', default: false },
    /** Record CPU profiles of the main phases (their figures then carry the profiler's overhead). */
    profile: { type: 'boolean', default: false },
    /** Print the tables of the last bench/results.json again, measuring nothing. */
    report: { type: 'boolean', default: false },
    port: { type: 'string', default: DEFAULT_PORT },
    /** Events per record in the packed baselines. */
    'pack-size': { type: 'string', default: '500' },
    /** Only the phases whose names contain one of these comma-separated words (seeding always runs). */
    only: { type: 'string' },
    /** Events in the sync space a new device pulls (the targets are stated at 100k). */
    'sync-events': { type: 'string', default: '100k' },
    /** Whole runs one after the other; each target is quoted from its worst run. */
    runs: { type: 'string', default: '1' },
  },
});
const siteDir = join(outDir, `site${portSuffix(args.port!)}`);
const profilesDir = join(outDir, `profiles${portSuffix(args.port!)}`);
const sizes = (args.sizes ?? (args.quick ? '10k,100k' : '10k,100k,1m')).split(',').map(parseSize).sort((a, b) => a - b);
const largest = sizes[sizes.length - 1]!;
/** A profiled run carries the profiler's overhead and a run of some phases only is partial: neither replaces the real results. */
const suffix = args.profile ? '-profile' : args.only ? '-only' : '';
const repeats = Math.max(1, Number.parseInt(args.runs!, 10) || 1);

const ACCOUNTS = 10_000;
const SEED = 20_260_101;
const settings = {
  accounts: ACCOUNTS,
  /** The first account gets this share of movements: about 10,000 events at 1M, the long history the account screen opens. */
  busiestShare: 0.014,
  baselineCap: 200_000,
  packSize: Number(args['pack-size']),
  oneTxCommands: 1000,
  reloads: 9,
  appends: 200,
  appendWarmup: 20,
  burst: 10_000,
  jumps: 100,
  /** Rounds of the upcasting measurement (a full replay each way per round, plus one of the schema-1 copy). */
  upcastRounds: 3,
  /** Below a million events a replay is short and noisier, and more rounds are cheap. */
  upcastRoundsSmall: 7,
  /** Phases slow enough to break the 10-minute run stop here and report the rate over what they did. */
  travelBudgetMs: 30_000,
  importBudgetMs: 20_000,
  verifyBudgetMs: 10_000,
  burstBudgetMs: 30_000,
  whatIfBack: 500_000,
  snapshotEvery: 1000,
  keyframes: KEYFRAMES,
  syncEvents: parseSize(args['sync-events']!),
  /** Through the production app's UI, at every size (bench/ui/). */
  interactions: { commands: 100, warmup: 5, travelSteps: 30, keystrokes: 6, opens: 5, filterText: 'zeitschriften' },
  /** The same under the phone profile (bench/ui/phone.ts), at one size. */
  phone: { size: 100_000, commands: 50, warmup: 5, travelSteps: 20, keystrokes: 0, opens: 1, filterText: '' },
  /** A new device joining the space, on each store: fresh profiles, the median counts. */
  syncPullRounds: 3,
  syncLiveCommands: 100,
  syncLiveWarmup: 5,
  syncAppendRounds: 3,
  syncAppendCommits: 500,
  /** Events the append script's server-side pull reads (it seeds them through the protocol, commit by commit). */
  syncServerPullEvents: 20_000,
};

const started = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const fmt = formatNumber;

async function runSize(baseURL: string, chromiumVersion: string, events: number): Promise<SizeRun> {
  const label = sizeLabel(events);
  const run: SizeRun = { events, errors: {} };
  const cache = new ProfileCache(profilesDir);
  const key = seedKey({ events, accounts: ACCOUNTS, seed: SEED, busiestShare: settings.busiestShare, baselineCap: settings.baselineCap, origin: new URL(baseURL).origin, chromium: chromiumVersion });
  const workDir = join(profilesDir, `run-${label}`);
  let context: BrowserContext | undefined;

  async function phase<T>(name: string, fn: () => Promise<T>, summary: (value: T) => string): Promise<T | undefined> {
    const wanted = args.only?.split(',');
    if (wanted && !name.startsWith('seed') && !wanted.some((word) => name.includes(word))) return undefined;
    say(`${label}: ${name}…`);
    const t = performance.now();
    try {
      const value = await fn();
      const seconds = (performance.now() - t) / 1000;
      run.timeline = [...(run.timeline ?? []), { phase: name, seconds: Math.round(seconds * 10) / 10, load: loadavg()[0]! }];
      say(`${label}: ${name} done in ${seconds.toFixed(1)} s: ${summary(value)}`);
      return value;
    } catch (error) {
      run.errors[name] = error instanceof Error ? error.message : String(error);
      say(`${label}: ${name} FAILED: ${run.errors[name]}`);
      return undefined;
    }
  }
  const bench = <T>(fn: (page: Page) => Promise<T>) => onBenchPage(context!, baseURL, say, fn);
  /** Runs one measurement, under the CPU profiler when asked. */
  async function measured<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
    if (!args.profile) return fn();
    const { value, profile } = await cpuProfileDuring(page, fn);
    run.cpu = { ...run.cpu, [name]: selfTimes(profile, 20) };
    return value;
  }

  try {
    const cached = args.fresh ? undefined : cache.lookup(label, key);
    if (cached) {
      run.seed = await phase(
        'seed (cached profile)',
        async () => {
          cache.restore(label, key, workDir);
          return cached;
        },
        (s) => `${fmt(s.events)} events on ${fmt(s.streams)} streams, copied (seeding took ${fmt(s.ms / 1000)} s when made)`,
      );
      context = await launchProfile(workDir);
    } else {
      rmSync(workDir, { recursive: true, force: true });
      context = await launchProfile(workDir);
      run.seed = await phase(
        'seed',
        () => bench((p) => p.evaluate((o) => window.rewindBench.seed(o), { events, accounts: ACCOUNTS, seed: SEED, busiestShare: settings.busiestShare, baselineCap: settings.baselineCap })),
        (s: SeedResult) => `${fmt(s.events)} events on ${fmt(s.streams)} streams (${fmt((s.events * 1000) / s.ms)} events/s written)`,
      );
      if (!run.seed) return run;
      // Closed, so the copy is of a profile at rest.
      await context.close();
      cache.save(label, key, workDir, run.seed);
      context = await launchProfile(workDir);
    }
    if (!run.seed) return run;

    run.baselines = await phase(
      'baselines',
      async () => {
        const options = { cap: settings.baselineCap, packSize: settings.packSize, oneTxCommands: settings.oneTxCommands };
        const rows = await bench((p) => p.evaluate((o) => window.rewindBench.baselineRows(o), options));
        const packed = await bench((p) => p.evaluate(() => window.rewindBench.baselinePacked()));
        const naive = await bench((p) => p.evaluate((o) => window.rewindBench.baselineNaive(o), { cap: options.cap }));
        const result: BaselineResult = { ...rows, ...packed, ...naive, rawPacked: { ...packed.rawPacked, ...rows.packedWrite } };
        return result;
      },
      (b) =>
        `rows ${fmt(b.rawRows.eventsPerS)}/s, packed ${fmt(b.rawPacked.eventsPerS)}/s, packed JSON ${fmt(b.rawPackedJson.eventsPerS)}/s, ` +
        `naive ${fmt(b.naive.eventsPerS)}/s, one tx/command ${fmt(b.oneTx.perS)}/s strict, ${fmt(b.oneTxRelaxed.perS)}/s relaxed`,
    );

    run.fullReplay = await phase(
      'full replay',
      () =>
        bench((p) =>
          measured(p, 'fullReplay', () => p.evaluate((o) => window.rewindBench.fullReplay(o), { sampleEvents: Math.min(events, 100_000) })),
        ),
      (r) =>
        `${fmt(r.ms)} ms, ${fmt(r.eventsPerS)} events/s (folding ${fmt(r.foldMs)} ms, reading and parsing the rest; ` +
        `checking ${fmt(r.checksummedPages)} page checksums ${fmt(r.checksumMs)} ms of it; ` +
        `shape checks, made only on pages without a checksum, ${fmt(r.shapeCheckMs)} ms per ${fmt(r.sampleEvents)} events)`,
    );

    run.upcastReplay = await phase(
      'upcast replay',
      () => bench((p) => p.evaluate((o) => window.rewindBench.upcastReplay(o), { rounds: events >= 1_000_000 ? settings.upcastRounds : settings.upcastRoundsSmall })),
      (u) =>
        `through the upcasters ${u.rounds.map((r) => fmt(r.liftedMs)).join(' / ')} ms, as stored ${u.rounds.map((r) => fmt(r.storedMs)).join(' / ')} ms ` +
        `(ratio ${u.rounds.map((r) => fmt(r.liftedMs / r.storedMs)).join(' / ')}); stored as schema 1, all lifted: ` +
        `${u.rounds.flatMap((r) => (r.schemaOneMs === undefined ? [] : [fmt(r.schemaOneMs)])).join(' / ')} ms; ` +
        `the lifting alone over the current log ${fmt(u.liftMs)} ms`,
    );

    run.keyframes = await phase(
      'keyframe snapshots (seeding)',
      () => bench((p) => p.evaluate((o) => window.rewindBench.keyframes(o), { every: settings.snapshotEvery, keep: settings.keyframes })),
      (k) => `${k.seqs.length} keyframes, saving took ${fmt(k.saveMs)} ms`,
    );

    run.snapshots = await phase(
      'snapshot sizes',
      () => bench((p) => p.evaluate(() => window.rewindBench.snapshots())),
      (s) => `open ${fmt(s.openMs)} ms; ` + s.projections.map((x) => `${x.name} ${fmt(x.jsonBytes / 1024 / 1024)} MB/${fmt(x.loadMs)} ms`).join(', '),
    );

    run.heapByModelMb = await phase(
      'heap by read model',
      () =>
        bench(async (p) => {
          const out: Record<string, number> = {};
          let before = await heapAfterGc(p);
          for (const s of run.snapshots?.projections ?? []) {
            await p.evaluate((name) => window.rewindBench.holdSnapshot(name), s.name);
            const after = await heapAfterGc(p);
            out[s.name] = after - before;
            before = after;
          }
          return out;
        }),
      (h) => Object.entries(h).map(([k, v]) => `${k} ${fmt(v)} MB`).join(', '),
    );

    run.reload = await phase(
      'reload (production app)',
      () => measureReload(context!, baseURL, settings.reloads, say),
      (r) =>
        `${r.ms.map((x) => fmt(x)).join(' / ')} ms (DOMContentLoaded at ${r.domContentLoadedMs.map((x) => fmt(x)).join(' / ')} ms, ` +
        `log opening at ${r.openingMs.map((x) => fmt(x)).join(' / ')} ms, replay from ${r.bootingMs.map((x) => fmt(x)).join(' / ')} ms), ` +
        `replayed ${fmt(r.replayed)} events, heap ${fmt(r.heapMb)} MB`,
    );

    run.interactions = await phase(
      'interactions (production app)',
      () => onPage(context!, baseURL, say, (page) => measureInteractions(page, interactionOptions(settings.interactions, SEED, events))),
      (r) => `on ${r.account?.owner ?? 'the busiest account'} (${fmt(r.account?.historyLines ?? 0)} history lines): ${r.summary}`,
    );

    if (events === settings.phone.size)
      run.phone = await phase(
        `phone (CPU ${PHONE.cpuSlowdown}x slower, ${PHONE.width}x${PHONE.height})`,
        async () => {
          const reload = await measureReload(context!, baseURL, settings.reloads, say, (page) => applyPhoneProfile(page));
          const interactions = await onPage(context!, baseURL, say, (page) => measureInteractions(page, interactionOptions(settings.phone, SEED, events)), (page) =>
            applyPhoneProfile(page),
          );
          return { reload, interactions };
        },
        (p) => `reload ${p.reload.ms.map((x) => fmt(x)).join(' / ')} ms; ${p.interactions.summary}`,
      );

    if (events === largest)
      await phase(
        'boot screen on a phone (screenshot)',
        async () => {
          const file = join(outDir, `boot-phone-${label}.png`);
          if (!(await bootScreenshot(context!, baseURL, file, say))) throw new Error('Chromium drew no frame between the first render and the ready image.');
          // A picture, not a figure: any run that takes it at 1M refreshes the README's.
          if (events === 1_000_000 && !args.profile) copyFileSync(file, join(projectRoot, 'docs', 'screenshots', 'boot-phone-1m.png'));
          return file;
        },
        (file) => relative(projectRoot, file),
      );

    run.timeTravel = await phase(
      'time travel',
      () =>
        bench((p) =>
          measured(p, 'timeTravel', () =>
            p.evaluate((o) => window.rewindBench.timeTravel(o), {
              jumps: settings.jumps,
              seed: SEED,
              budgetMs: events === largest ? settings.travelBudgetMs : settings.travelBudgetMs / 2,
            }),
          ),
        ),
      (t) =>
        `${t.jumps.length}/${t.requested} jumps${t.budgetHit ? ' (time budget reached)' : ''}, ` +
        `p50 ${fmt(percentile(t.jumps.map((j) => j.ms), 50))} ms, p95 ${fmt(percentile(t.jumps.map((j) => j.ms), 95))} ms`,
    );

    const branchBack = Math.min(settings.whatIfBack, Math.floor(events / 2));
    run.whatIf = await phase(
      'what-if',
      () => bench((p) => measured(p, 'whatIf', () => p.evaluate((o) => window.rewindBench.whatIf(o), { back: branchBack, account: 'ordinary' as const }))),
      (w) => `${fmt(w.ms)} ms for ${fmt(w.branchEvents)} branch events, ${w.method} (base state alone ${fmt(w.baseMs)} ms)`,
    );
    run.whatIfBusiest = await phase(
      'what-if on the busiest account',
      () => bench((p) => p.evaluate((o) => window.rewindBench.whatIf(o), { back: branchBack, account: 'busiest' as const })),
      (w) => `${fmt(w.ms)} ms for ${fmt(w.branchEvents)} branch events, ${w.method}`,
    );

    // Before export and import: their bulk writes leave LevelDB compacting, which would stall these small writes.
    run.commands = await phase(
      events === largest ? 'appends and burst' : 'appends',
      () =>
        bench(async (p) => {
          const result = await measured(p, 'commands', () =>
            p.evaluate((o) => window.rewindBench.commands(o), {
              appends: settings.appends,
              warmup: settings.appendWarmup,
              burst: events === largest ? settings.burst : 0,
              burstBudgetMs: settings.burstBudgetMs,
              seed: SEED + 1,
              keepOpen: true,
            }),
          );
          // The writing tab's heap, with what its commits keep in memory besides the image.
          const heapAfterMb = await heapAfterGc(p);
          await p.evaluate(() => window.rewindBench.closeLedgers());
          return { ...result, heapAfterMb };
        }),
      (c) => {
        const ms = c.appends.map((a) => a.ms);
        const burst = c.burst
          ? `; burst ${fmt(c.burst.ok)}/${fmt(c.burst.commands)} done in ${fmt(c.burst.ms)} ms${c.burst.partial ? ' (time budget reached)' : ''}, ` +
            `${fmt(c.burst.reads)} stream reads and ${fmt(c.burst.appendCalls)} appendMany calls by then` +
            (Object.keys(c.burst.failed).length > 0 ? ` (failed: ${JSON.stringify(c.burst.failed)})` : '')
          : '';
        const untimed = c.instrumented ? '' : ' (warning: the store calls were not timed; the per-append breakdown is empty)';
        return `boot ${fmt(c.bootMs)} ms, append p50 ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms${untimed}${burst}; heap then ${fmt(c.heapAfterMb)} MB`;
      },
    );
    await phase(
      'export and import',
      () =>
        bench(async (p) => {
          const exported = await peakHeapDuring(p, () => measured(p, 'export', () => p.evaluate(() => window.rewindBench.exportLog())));
          run.exportRun = { ...exported.value, peakHeapMb: exported.peakMb };
          run.verifyRun = await p.evaluate((o) => window.rewindBench.verifyLog(o), { budgetMs: settings.verifyBudgetMs });
          const imported = await peakHeapDuring(p, () =>
            measured(p, 'import', () => p.evaluate((o) => window.rewindBench.importLog(o), { budgetMs: settings.importBudgetMs })),
          );
          run.importRun = { ...imported.value, peakHeapMb: imported.peakMb };
        }),
      () =>
        `export ${fmt(run.exportRun!.ms)} ms (${fmt(run.exportRun!.bytes / 1024 / 1024)} MB, peak heap ${fmt(run.exportRun!.peakHeapMb)} MB), ` +
        `file check alone ${fmt(run.verifyRun!.events)} events in ${fmt(run.verifyRun!.ms)} ms, ` +
        `import ${fmt(run.importRun!.events)} events in ${fmt(run.importRun!.ms)} ms${run.importRun!.partial ? ' (time budget reached)' : ''} ` +
        `(peak heap ${fmt(run.importRun!.peakHeapMb)} MB)`,
    );

    return run;
  } finally {
    await context?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** One whole run of the bench: the boot bundle, the empty app's reload, every size, and sync. */
async function measureRound(baseURL: string) {
  const browser = await launch();
  let info: ReturnType<typeof machine>;
  let boot: BootBundle;
  try {
    info = machine(browser);
    say(`machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, Chromium ${info.chromium}, Node ${info.node}`);
    if (info.loadAverageAtStart > info.cores / 2)
      say(`warning: the machine is busy (load average ${info.loadAverageAtStart} on ${info.cores} cores): figures will be slower and noisier`);
    boot = await measureBootBundle(browser, baseURL, siteDir, say);
    say(`boot bundle: ${fmt(boot.kb)} KB gzipped in ${boot.files.length} file(s) (fresh profiles: ${boot.kbByLoad.map((kb) => fmt(kb)).join(' / ')} KB)`);
  } finally {
    await browser.close();
  }
  const emptyReload = await measureEmptyReload(baseURL, settings.reloads, say);
  say(`reload with an empty log: ${emptyReload.ms.map((x) => fmt(x)).join(' / ')} ms`);
  // One browser per size, on a profile of its own kept on disk like a real one.
  const runs: SizeRun[] = [];
  for (const events of sizes) runs.push(await runSize(baseURL, info.chromium, events));
  const sync: SyncRun = await runSync({
    baseURL,
    events: settings.syncEvents,
    accounts: ACCOUNTS,
    seed: SEED,
    pullRounds: settings.syncPullRounds,
    liveCommands: settings.syncLiveCommands,
    liveWarmup: settings.syncLiveWarmup,
    appendRounds: settings.syncAppendRounds,
    appendCommits: settings.syncAppendCommits,
    serverPullEvents: settings.syncServerPullEvents,
    only: args.only?.split(','),
    profile: args.profile!,
    workRoot: join(outDir, `sync-work${portSuffix(args.port!)}`),
    say,
  });
  const metrics = collectMetrics(runs, {
    boot_bundle_kb: { value: boot.kb, unit: 'KB' },
    reload_empty_ms: { value: median(emptyReload.ms), unit: 'ms' },
    ...syncMetrics(sync),
  });
  return { info, details: { boot, emptyReload, runs, sync }, metrics, targets: checkTargets(metrics) };
}

async function main(): Promise<void> {
  if (args.report) {
    const last = JSON.parse(readFileSync(join(benchDir, 'results.json'), 'utf8')) as {
      sizes: number[];
      metrics: Metrics;
      targets: TargetResult[];
      rounds?: unknown[];
      settings: { syncEvents?: number };
    };
    printReport(last.metrics, last.targets, last.sizes, last.settings.syncEvents, last.rounds?.length);
    return;
  }
  say(`Rewind benchmark at ${sizes.map(sizeLabel).join(', ')} events${args.quick ? ' (quick)' : ''}${repeats > 1 ? `, ${repeats} runs` : ''}`);
  if (!args['skip-build']) {
    say('building the production app and the bench page…');
    await buildVariant(relative(projectRoot, siteDir), 'bench');
    await build({ configFile: join(benchDir, 'vite.config.ts'), mode: 'production', build: { outDir: join(siteDir, 'bench') } });
  }
  const server = await startBenchServer(relative(projectRoot, siteDir), Number(args.port));
  try {
    const rounds: Awaited<ReturnType<typeof measureRound>>[] = [];
    for (let i = 0; i < repeats; i++) {
      if (repeats > 1) say(`run ${i + 1} of ${repeats}`);
      rounds.push(await measureRound(server.url));
    }
    const last = rounds[rounds.length - 1]!;
    const targets = repeats > 1 ? worstOfRuns(rounds.map((r) => r.targets)) : last.targets;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `details${suffix}.json`), `${JSON.stringify({ rounds: rounds.map((r) => r.details) }, null, 2)}\n`);
    const durationS = (performance.now() - started) / 1000;

    printReport(last.metrics, targets, sizes, settings.syncEvents, repeats);
    console.log(`The benchmark took ${durationS.toFixed(0)} s.`);

    const errors = (round: (typeof rounds)[number]) => ({
      ...Object.fromEntries(round.details.runs.filter((r) => Object.keys(r.errors).length > 0).map((r) => [sizeLabel(r.events), r.errors])),
      ...(Object.keys(round.details.sync.errors).length > 0 && { sync: round.details.sync.errors }),
    });
    const results = {
      machine: { ...last.info, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100 },
      generatedAt: new Date().toISOString(),
      sizes,
      quick: largest < 1_000_000,
      durationS: Math.round(durationS),
      settings,
      metrics: last.metrics,
      targets,
      ...(repeats > 1 && { rounds: rounds.map((r) => ({ metrics: r.metrics, errors: errors(r) })) }),
      errors: errors(last),
    };
    writeFileSync(suffix ? join(outDir, `results${suffix}.json`) : join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(outDir, `tables${suffix}.md`), markdownReport(last.metrics, targets, sizes));
    const chart = sizesChart(last.metrics, sizes);
    writeFileSync(join(outDir, `sizes${suffix}.svg`), chart);
    // A whole run at the three sizes the docs quote refreshes their chart.
    if (!suffix && sizes.join() === '10000,100000,1000000') writeFileSync(join(projectRoot, 'docs', 'images', 'bench-sizes.svg'), chart);
    say(suffix ? `wrote bench/out/results${suffix}.json, details${suffix}.json, tables${suffix}.md and sizes${suffix}.svg` : 'wrote bench/results.json, bench/out/details.json, bench/out/tables.md and bench/out/sizes.svg');
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
