import type { Metrics, TargetResult } from './targets.ts';

/** A number as a person reads it in a table: thousands separated, few decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  // Enough digits that a value just under a round limit (149.5 < 150) never prints as the limit.
  const digits = abs >= 1000 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A plain-text table with aligned columns (numbers right-aligned). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,]+$|^—$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,]+$|^—$/.test(r[i] ?? '')));
  const cells = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [cells(header), cells(numeric.map((n) => (n ? '---:' : '---'))), ...rows.map(cells)].join('\n');
}

/**
 * One row per metric, one column per size: `reload_ms` at the largest size and
 * `reload_ms_10k` at 10k side by side. Sizes are labels such as `10k`, largest last.
 */
export function metricRows(metrics: Metrics, sizeLabels: readonly string[]): string[][] {
  const smaller = sizeLabels.slice(0, -1);
  const suffixed = (name: string) => smaller.some((label) => name.endsWith(`_${label}`));
  return Object.entries(metrics)
    .filter(([name]) => !suffixed(name))
    .map(([name, m]) => [
      name,
      m.unit,
      ...smaller.map((label) => {
        const at = metrics[`${name}_${label}`];
        return at ? formatNumber(at.value) : '—';
      }),
      formatNumber(m.value),
    ]);
}

export function metricHeader(sizeLabels: readonly string[]): string[] {
  return ['metric', 'unit', ...sizeLabels];
}

export function targetRows(results: readonly TargetResult[]): string[][] {
  return results.map((r) => [
    r.status,
    r.metric,
    r.value === null ? '—' : formatNumber(r.value),
    `${r.op} ${r.limit === null ? '—' : formatNumber(r.limit)}`,
    r.limitText,
    r.text,
  ]);
}

export const TARGET_HEADER = ['result', 'metric', 'value', 'limit', 'limit from', 'target'] as const;

/** The sync metrics are measured at one space size, whatever the log sizes: they get a table of their own. */
export function splitSyncMetrics(metrics: Metrics): { log: Metrics; sync: Metrics } {
  const log: Metrics = {};
  const sync: Metrics = {};
  for (const [name, metric] of Object.entries(metrics)) (name.startsWith('sync_') ? sync : log)[name] = metric;
  return { log, sync };
}

export function syncRows(sync: Metrics): string[][] {
  return Object.entries(sync).map(([name, m]) => [name, m.unit, formatNumber(m.value)]);
}

export const SYNC_HEADER = ['metric', 'unit', 'value'] as const;
