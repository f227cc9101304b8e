import { expect, test } from 'vitest';
import { splitSyncMetrics, syncRows } from '../../bench/lib/format.ts';
import { syncMetrics, type SyncRun } from '../../bench/lib/syncMetrics.ts';
import { checkTargets, TARGETS } from '../../bench/lib/targets.ts';

const round = (ms: number) => ({ ms, events: 100_000, joinedMs: 50, progress: [] });

const run: SyncRun = {
  events: 100_000,
  pull: {
    // The median round counts: one slow round (the machine busy) does not sink the figure.
    sqlite: { seedMs: 20_000, rounds: [round(1600), round(4000), round(1900)] },
    postgresql: { seedMs: 25_000, rounds: [round(2500)] },
  },
  live: { warmup: 5, refused: 0, samples: Array.from({ length: 100 }, (_, i) => ({ type: i % 2 ? 'Withdraw' : 'AddFunds', ms: i + 1 })) },
  append: {
    sqlite: [
      { events: 635, rewindEventsPerS: 100, emmettEventsPerS: 300, serverPullEventsPerS: 9000 },
      { events: 635, rewindEventsPerS: 400, emmettEventsPerS: 500, serverPullEventsPerS: 7000 },
      { events: 635, rewindEventsPerS: 200, emmettEventsPerS: 300, serverPullEventsPerS: 8000 },
    ],
  },
  errors: {},
};

test('a pull is 100,000 events over the median round, in events per second', () => {
  const m = syncMetrics(run);
  expect(m.sync_pull_eps_sqlite).toEqual({ value: 100_000 / 1.9, unit: 'events/s' });
  expect(m.sync_pull_ms_sqlite!.value).toBe(1900);
  expect(m.sync_pull_eps_postgresql!.value).toBe(40_000);
});

test('live latency is the p95 of the commands by nearest rank; the append ratio the median of each round’s own', () => {
  const m = syncMetrics(run);
  expect(m.sync_live_p95_ms!.value).toBe(95);
  expect(m.sync_live_p50_ms!.value).toBe(50);
  // Rounds' ratios 3, 1.25 and 1.5: the median is 1.5, not the ratio of the medians (300 / 200).
  expect(m.sync_append_ratio_sqlite!.value).toBe(1.5);
  expect(m.sync_server_pull_eps_sqlite!.value).toBe(8000);
  expect(m.sync_append_ratio_postgresql).toBeUndefined();
});

test('a phase that failed or was skipped gives no figure, and its target says MISSING rather than PASS', () => {
  const m = syncMetrics({ events: 100_000, pull: { sqlite: { seedMs: 1, rounds: [] } }, errors: { 'sync live': 'boom' } });
  expect(m).toEqual({});
  const sync = checkTargets(m, TARGETS.filter((t) => t.metric.startsWith('sync_')));
  expect(sync.map((t) => t.status)).toEqual(['MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING']);
});

test('the targets: 50k events/s pulled on each store, live p95 under 300 ms, the append within 2x of Emmett', () => {
  const results = checkTargets(syncMetrics(run), TARGETS.filter((t) => t.metric.startsWith('sync_')));
  const status = Object.fromEntries(results.map((r) => [r.metric, r.status]));
  expect(status).toEqual({
    sync_pull_eps_sqlite: 'PASS',
    sync_pull_eps_postgresql: 'FAIL',
    sync_live_p95_ms: 'PASS',
    sync_append_ratio_sqlite: 'PASS',
    sync_append_ratio_postgresql: 'MISSING',
  });
  const slow = syncMetrics({ ...run, live: { warmup: 0, refused: 0, samples: [{ type: 'AddFunds', ms: 300 }] } });
  expect(checkTargets(slow).find((t) => t.metric === 'sync_live_p95_ms')!.status).toBe('FAIL');
});

test('the sync figures get a table of their own, apart from the log sizes’ columns', () => {
  const { log, sync } = splitSyncMetrics({ reload_ms: { value: 700, unit: 'ms' }, ...syncMetrics(run) });
  expect(Object.keys(log)).toEqual(['reload_ms']);
  expect(syncRows(sync)[0]).toEqual(['sync_pull_eps_sqlite', 'events/s', '52,632']);
});
