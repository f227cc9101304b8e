import type { Metrics, TargetResult } from './targets.ts';

/** A number as a person reads it in a table: thousands separated, few decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
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

export function metricRows(metrics: Metrics): string[][] {
  return Object.entries(metrics).map(([name, m]) => [name, formatNumber(m.value), m.unit]);
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
