/** Small, pure statistics for the benchmark: kept apart so a unit test can hold them to account. */

/**
 * The p-th percentile (0-100) by the nearest-rank method: the smallest sample
 * such that at least p% of the samples are at or below it. With 100 samples,
 * p95 is the 95th smallest; no interpolation invents a value nobody measured.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('A percentile of no samples is undefined.');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile lies between 0 and 100, not ${p}.`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/** Things per second, from a count and a duration in milliseconds. */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) throw new RangeError(`A rate needs a positive duration, not ${ms} ms.`);
  return (count * 1000) / ms;
}

/** `10k`, `100k`, `1m`: the suffix of a metric measured at that many events. */
export function sizeLabel(events: number): string {
  if (events >= 1_000_000 && events % 1_000_000 === 0) return `${events / 1_000_000}m`;
  if (events >= 1000 && events % 1000 === 0) return `${events / 1000}k`;
  return String(events);
}

/** Parses `10k`, `100k`, `1m` or a plain number of events. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a size: use a number of events such as 10000, 100k or 1m.`);
  const factor = { '': 1, k: 1000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  const events = Math.round(Number(match[1]) * factor);
  if (events < 1000) throw new Error(`A benchmark size must be at least 1000 events (the data opens accounts first), not ${text}.`);
  return events;
}
