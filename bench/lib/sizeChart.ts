/** A small SVG chart of metrics against log size (pure: the bench writes what it returns). */

import type { Metrics } from './targets.ts';
import { sizeLabel } from './stats.ts';

export interface ChartPanel {
  /** The metric's plain name; a size's value is read as the bench names it (`reload_ms_10k`, `reload_ms` at the largest). */
  metric: string;
  title: string;
  /** Drawn as a dashed line, when given. */
  limit?: number;
}

const PANEL_W = 320;
const PANEL_H = 200;
const MARGIN = { left: 52, right: 16, top: 34, bottom: 36 };

const valueAt = (metrics: Metrics, metric: string, size: number, largest: number): number | undefined =>
  metrics[size === largest ? metric : `${metric}_${sizeLabel(size)}`]?.value;

/** A round step for about four gridlines up to `max`. */
function gridStep(max: number): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((step) => step >= raw)!;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(metrics: Metrics, sizes: readonly number[], spec: ChartPanel, x0: number): string {
  const largest = sizes[sizes.length - 1]!;
  const points = sizes.flatMap((size) => {
    const value = valueAt(metrics, spec.metric, size, largest);
    return value === undefined || !Number.isFinite(value) ? [] : [{ size, value }];
  });
  const top = Math.max(...points.map((p) => p.value), spec.limit ?? 0) * 1.1 || 1;
  const step = gridStep(top);
  const yMax = Math.ceil(top / step) * step;
  const w = PANEL_W - MARGIN.left - MARGIN.right;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  // Sizes grow tenfold: one even step each, on a log scale.
  const logs = sizes.map((s) => Math.log10(s));
  const span = logs[logs.length - 1]! - logs[0]! || 1;
  const x = (size: number) => x0 + MARGIN.left + (sizes.length === 1 ? w / 2 : ((Math.log10(size) - logs[0]!) / span) * w);
  const y = (value: number) => MARGIN.top + h - (value / yMax) * h;
  const parts: string[] = [`<text x="${x0 + MARGIN.left}" y="20" class="title">${escape(spec.title)}</text>`];
  for (let v = 0; v <= yMax + step / 2; v += step)
    parts.push(
      `<line x1="${x0 + MARGIN.left}" x2="${x0 + MARGIN.left + w}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`,
      `<text x="${x0 + MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" class="axis" text-anchor="end">${Number(v.toPrecision(6))}</text>`,
    );
  for (const size of sizes)
    parts.push(`<text x="${x(size).toFixed(1)}" y="${PANEL_H - 14}" class="axis" text-anchor="middle">${sizeLabel(size)}</text>`);
  if (spec.limit !== undefined)
    parts.push(`<line x1="${x0 + MARGIN.left}" x2="${x0 + MARGIN.left + w}" y1="${y(spec.limit).toFixed(1)}" y2="${y(spec.limit).toFixed(1)}" class="limit"/>`);
  if (points.length > 1) parts.push(`<polyline points="${points.map((p) => `${x(p.size).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}" class="line"/>`);
  for (const p of points)
    parts.push(
      `<circle cx="${x(p.size).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" class="dot"/>`,
      `<text x="${x(p.size).toFixed(1)}" y="${(y(p.value) - 8).toFixed(1)}" class="value" text-anchor="middle">${Number(p.value.toPrecision(3))}</text>`,
    );
  return parts.join('\n  ');
}

/** Panels side by side, one per metric, sizes on a log axis; a size without the metric is left out. */
export function sizeChart(metrics: Metrics, sizes: readonly number[], panels: readonly ChartPanel[], caption: string): string {
  const width = PANEL_W * panels.length;
  const height = PANEL_H + 22;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(caption)}">
  <style>
    text { font: 12px system-ui, sans-serif; fill: #1f2933; }
    .title { font-weight: 600; font-size: 13px; }
    .axis, .caption { fill: #52606d; font-size: 11px; }
    .grid { stroke: #e4e7eb; }
    .limit { stroke: #c53030; stroke-dasharray: 4 3; }
    .line { fill: none; stroke: #2563eb; stroke-width: 2; }
    .dot { fill: #2563eb; }
    .value { font-size: 11px; }
  </style>
  <rect width="100%" height="100%" fill="#fff"/>
  ${panels.map((spec, i) => panel(metrics, sizes, spec, i * PANEL_W)).join('\n  ')}
  <text x="8" y="${height - 6}" class="caption">${escape(caption)}</text>
</svg>
`;
}
