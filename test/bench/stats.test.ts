import { expect, test } from 'vitest';
import { median, parseSize, percentile, perSecond, sizeLabel, summarize } from '../../bench/lib/stats.ts';

test('percentile takes the nearest rank: p95 of 1..100 is 95, never an interpolated value', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(percentile(samples, 95)).toBe(95);
  expect(percentile(samples, 50)).toBe(50);
  expect(percentile(samples, 100)).toBe(100);
  expect(percentile(samples, 0)).toBe(1);
  expect(percentile([3, 1, 2], 50)).toBe(2);
  expect(percentile([10, 20], 95)).toBe(20);
  expect(median([7])).toBe(7);
});

test('a slow tail shows in p95 but not in p50', () => {
  const samples = [...Array.from({ length: 90 }, () => 2), ...Array.from({ length: 10 }, () => 40)];
  expect(summarize(samples)).toMatchObject({ n: 100, min: 2, p50: 2, p95: 40, max: 40 });
});

test('percentile refuses what has no answer', () => {
  expect(() => percentile([], 50)).toThrow(RangeError);
  expect(() => percentile([1], 101)).toThrow(RangeError);
  expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
});

test('rates are per second', () => {
  expect(perSecond(1000, 500)).toBe(2000);
  expect(() => perSecond(1, 0)).toThrow(RangeError);
});

test('sizes read and print as 10k, 100k, 1m', () => {
  expect([10_000, 100_000, 1_000_000, 2500].map(sizeLabel)).toEqual(['10k', '100k', '1m', '2500']);
  expect(['10k', '100K', '1m', '1.5m', '20000'].map(parseSize)).toEqual([10_000, 100_000, 1_000_000, 1_500_000, 20_000]);
  expect(() => parseSize('lots')).toThrow(/not a size/);
  expect(() => parseSize('10')).toThrow(/at least 1000/);
});
