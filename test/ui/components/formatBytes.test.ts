import { expect, test } from 'vitest';
import { formatBytes } from '../../../src/ui/components/formatBytes.ts';

test('storage sizes read as people expect, in decimal units', () => {
  expect(formatBytes(0, 'en')).toBe('0 bytes');
  expect(formatBytes(1, 'en')).toBe('1 byte');
  expect(formatBytes(999, 'en')).toBe('999 bytes');
  expect(formatBytes(2_900, 'en')).toBe('2.9 kB');
  expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
  expect(formatBytes(4_300_000_000, 'en')).toBe('4.3 GB');
  expect(formatBytes(2e12, 'en')).toBe('2 TB');
});
