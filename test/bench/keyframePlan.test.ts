import { expect, test } from 'vitest';
import { keyframePlan } from '../../bench/lib/keyframePlan.ts';
import { selfTimes, type CpuProfile } from '../../bench/lib/cpuProfile.ts';

test('the seeded keyframes are those a log grown by use keeps: bounded, spread out, newest at the end', () => {
  const plan = keyframePlan(100_000, 1000, 24);
  expect(plan).toHaveLength(24);
  expect(plan[plan.length - 1]).toBe(100_000);
  expect([...plan].sort((a, b) => a - b)).toEqual(plan);
  const gaps = plan.map((seq, i) => seq - (plan[i - 1] ?? 0));
  expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
  expect(keyframePlan(10_500, 1000, 24)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000, 10_500]);
  expect(keyframePlan(0, 1000, 24)).toEqual([]);
});

test('CPU self time: each sample counts for the time until the next one (the last, until the end)', () => {
  const frame = (functionName: string, url = 'http://127.0.0.1/bench/assets/index.js') => ({ functionName, url, lineNumber: 9 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)', '') },
      { id: 2, callFrame: frame('fold') },
    ],
    startTime: 0,
    endTime: 5000,
    // Samples at 0, 1000, 2000 and 4000 µs.
    samples: [2, 2, 1, 2],
    timeDeltas: [0, 1000, 1000, 2000],
  };
  expect(selfTimes(profile)).toEqual([
    { name: 'fold index.js:10', ms: 3, percent: 60 },
    { name: '(idle)', ms: 2, percent: 40 },
  ]);
  expect(selfTimes(profile, 1)).toHaveLength(1);
});
