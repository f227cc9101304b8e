import { percentile } from '../lib/stats.ts';

/** The samples of one interaction, as the summary line and the targets read them. */
export interface SampleSummary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function sampleSummary(samples: readonly number[]): SampleSummary | undefined {
  if (samples.length === 0) return undefined;
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

const ms = (value: number) => (value >= 100 ? Math.round(value).toString() : value.toFixed(1));

/** "command→row p50 31.2 ms, p95 48.0 ms (n 100); …": each measured interaction; those not run are left out. */
export function interactionSummary(samples: Record<string, readonly number[]>): string {
  const parts = Object.entries(samples).flatMap(([name, values]) => {
    const s = sampleSummary(values);
    return s ? [`${name} p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (n ${s.n})`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : 'no interactions measured';
}
