import { markdownTable, metricHeader, metricRows, splitSyncMetrics, SYNC_HEADER, syncRows, TARGET_HEADER, targetRows, textTable } from './lib/format.ts';
import { sizeChart } from './lib/sizeChart.ts';
import { sizeLabel } from './lib/stats.ts';
import type { Metrics, TargetResult } from './lib/targets.ts';

/** The metric table (a column per size) and the targets with PASS or FAIL, printed. */
export function printReport(metrics: Metrics, targets: readonly TargetResult[], measured: readonly number[], syncEvents: number | undefined, rounds = 1): void {
  const labels = measured.map(sizeLabel);
  const top = measured[measured.length - 1]!;
  const { log, sync } = splitSyncMetrics(metrics);
  console.log(`\nMetrics by log size${rounds > 1 ? `, the last of ${rounds} runs` : ''} (in results.json the ${sizeLabel(top)} column has the plain names, the others a size suffix)\n`);
  console.log(textTable(metricHeader(labels), metricRows(log, labels)));
  if (Object.keys(sync).length > 0) {
    console.log(`\nSync, a space of ${syncEvents === undefined ? '?' : sizeLabel(syncEvents)} events (median of rounds)\n`);
    console.log(textTable(SYNC_HEADER, syncRows(sync)));
  }
  const worst = rounds > 1 ? `, each the worst of ${rounds} runs` : '';
  console.log(`\nTargets${worst}${top < 1_000_000 ? ` (NOT authoritative: the largest size is ${sizeLabel(top)}, the targets are stated at 1m)` : ''}\n`);
  console.log(textTable(TARGET_HEADER, targetRows(targets)));
  console.log(`\n${targets.filter((t) => t.status === 'PASS').length}/${targets.length} targets pass.`);
}

/** The same tables in Markdown, for bench/out/tables.md. */
export function markdownReport(metrics: Metrics, targets: readonly TargetResult[], measured: readonly number[]): string {
  const labels = measured.map(sizeLabel);
  const { log, sync } = splitSyncMetrics(metrics);
  return `${markdownTable(metricHeader(labels), metricRows(log, labels))}\n\n${markdownTable(SYNC_HEADER, syncRows(sync))}\n\n${markdownTable(TARGET_HEADER, targetRows(targets))}\n`;
}

/** Reload and append p95 against log size, as a picture for docs/performance.md. */
export function sizesChart(metrics: Metrics, measured: readonly number[]): string {
  return sizeChart(
    metrics,
    measured,
    [
      { metric: 'reload_ms', title: 'Reload to the first screen, ms' },
      { metric: 'append_p95_ms', title: 'Append p95, ms', limit: 5 },
    ],
    `npm run bench, ${new Date().toISOString().slice(0, 10)}; dashed: the target`,
  );
}
