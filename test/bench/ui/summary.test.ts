import { expect, test } from 'vitest';
import { interactionSummary, sampleSummary } from '../../../bench/ui/summary.ts';

test('a summary takes nearest-rank percentiles and leaves out what was not measured', () => {
  const samples = Array.from({ length: 20 }, (_, i) => i + 1);
  expect(sampleSummary(samples)).toEqual({ n: 20, p50: 10, p95: 19, max: 20 });
  expect(sampleSummary([])).toBeUndefined();
  expect(interactionSummary({ 'command→row': [12.34, 40, 250.4], 'filter keystroke': [] })).toBe(
    'command→row p50 40.0 ms, p95 250 ms, max 250 ms (n 3)',
  );
  expect(interactionSummary({ 'time-travel step': [] })).toBe('no interactions measured');
});
