import { expect, test } from 'vitest';
import { sizeChart } from '../../bench/lib/sizeChart.ts';
import type { Metrics } from '../../bench/lib/targets.ts';

const metrics: Metrics = {
  reload_ms_10k: { value: 462, unit: 'ms' },
  reload_ms_100k: { value: 602, unit: 'ms' },
  reload_ms: { value: 727, unit: 'ms' },
  append_p95_ms_10k: { value: 6.3, unit: 'ms' },
  append_p95_ms: { value: 8.3, unit: 'ms' },
};
const sizes = [10_000, 100_000, 1_000_000];
const panels = [
  { metric: 'reload_ms', title: 'Reload, ms' },
  { metric: 'append_p95_ms', title: 'Append p95, ms', limit: 5 },
];

test('a chart plots each size it has a figure for, with its value, sizes on a tenfold axis', () => {
  const svg = sizeChart(metrics, sizes, panels, 'One run <on this machine>');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Reload: three points joined; append: the 100k figure is missing, so two.
  const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]!.split(' '));
  expect(lines.map((l) => l.length)).toEqual([3, 2]);
  for (const value of ['462', '602', '727', '6.3', '8.3']) expect(svg).toContain(`>${value}</text>`);
  // Even steps along x for 10k, 100k, 1m; a higher value sits higher (smaller y).
  const [a, b, c] = lines[0]!.map((p) => p.split(',').map(Number));
  expect(b![0]! - a![0]!).toBeCloseTo(c![0]! - b![0]!, 5);
  expect(c![1]!).toBeLessThan(a![1]!);
  expect(svg.match(/class="limit"/g)).toHaveLength(1);
  expect(svg).toContain('One run &lt;on this machine&gt;');
});

test('a metric measured at no size leaves its panel empty rather than drawing a made-up point', () => {
  const svg = sizeChart({}, sizes, panels, 'empty');
  expect(svg).not.toContain('<polyline');
  expect(svg).not.toContain('<circle');
});
