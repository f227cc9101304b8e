/** Where a V8 CPU profile (DevTools protocol `Profiler.stop`) spent its samples: self time by function. */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas?: number[];
}

export interface ProfileLine {
  /** Function name (or V8's `(idle)`, `(garbage collector)`, `(program)`) and where it is defined. */
  name: string;
  ms: number;
  percent: number;
}

function label(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/**
 * The `top` functions by self time. Each sample's time is its delta, the time
 * since the one before; `(idle)` is the main thread waiting (for IndexedDB, for
 * instance), `(program)` is native work outside JS such as structured clone.
 */
export function selfTimes(profile: CpuProfile, top = 15): ProfileLine[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, label(n.callFrame)]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  const lastAt = profile.startTime + deltas.reduce((a, b) => a + b, 0);
  samples.forEach((id, i) => {
    // A sample's delta is the time up to it; the time it stands for runs to the next sample (or the end).
    const us = i + 1 < samples.length ? (deltas[i + 1] ?? 0) : Math.max(0, profile.endTime - lastAt);
    const name = byNode.get(id) ?? '(unknown)';
    totals.set(name, (totals.get(name) ?? 0) + us);
    all += us;
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, percent: all > 0 ? (100 * us) / all : 0 }));
}
