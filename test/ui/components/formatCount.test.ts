import { expect, test } from 'vitest';
import { formatCount } from '../../../src/ui/components/formatCount.ts';

test('counts are grouped the way the locale writes them', () => {
  expect(formatCount(12_345, 'en-US')).toBe('12,345');
  expect(formatCount(1_234_567, 'de-DE')).toBe('1.234.567');
  expect(formatCount(0, 'en-US')).toBe('0');
  expect(formatCount(999, 'en-US')).toBe('999');
});

test('without a locale, counts follow the browser’s', () => {
  expect(formatCount(12_345)).toBe(new Intl.NumberFormat().format(12_345));
});
