import { expect, test } from 'vitest';
import { formatNumber, metricRows, textTable } from '../../bench/lib/format.ts';

test('a value just under a limit never prints as the limit', () => {
  expect(formatNumber(149.51)).toBe('149.5');
  expect(formatNumber(4.996)).toBe('5');
  expect(formatNumber(4.99)).toBe('4.99');
  expect(formatNumber(92_352.4)).toBe('92,352');
});

test('metrics line up by size: plain names at the largest, suffixed ones beside them', () => {
  const rows = metricRows(
    {
      reload_ms: { value: 1173, unit: 'ms' },
      boot_bundle_kb: { value: 149.5, unit: 'KB' },
      reload_ms_10k: { value: 208, unit: 'ms' },
    },
    ['10k', '100k', '1m'],
  );
  expect(rows).toEqual([
    ['reload_ms', 'ms', '208', '—', '1,173'],
    ['boot_bundle_kb', 'KB', '—', '—', '149.5'],
  ]);
  const [, , first, second] = textTable(['metric', 'unit', '10k', '100k', '1m'], rows).split('\n');
  // Numbers are right-aligned: the last column ends at the same place on every line.
  expect(first!.endsWith('1,173')).toBe(true);
  expect(second!.endsWith('149.5')).toBe(true);
  expect(first!.length).toBe(second!.length);
});
