import { describe, expect, test } from 'vitest';
import { isIsoUtcTime } from '../../src/lib/isoTime.ts';

describe('isIsoUtcTime', () => {
  test.each(['2026-01-31T12:00:00.000Z', '2024-02-29T23:59:59.999Z', '2000-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])(
    'accepts %s, a time toISOString writes',
    (time) => {
      expect(isIsoUtcTime(time)).toBe(true);
      expect(new Date(time).toISOString()).toBe(time);
    },
  );

  test.each([
    ['2026-02-30T12:00:00.000Z', 'a day February does not have'],
    ['2025-02-29T12:00:00.000Z', 'a leap day in a common year'],
    ['1900-02-29T12:00:00.000Z', 'a leap day in a century that is not a leap year'],
    ['2026-04-31T12:00:00.000Z', 'a 31st in a 30-day month'],
    ['2026-13-01T12:00:00.000Z', 'month 13'],
    ['2026-00-10T12:00:00.000Z', 'month 0'],
    ['2026-01-00T12:00:00.000Z', 'day 0'],
    ['2026-01-31T24:00:00.000Z', 'hour 24'],
    ['2026-01-31T12:60:00.000Z', 'minute 60'],
    ['2026-01-31T12:00:60.000Z', 'a leap second'],
    ['2026-01-31T12:00:00Z', 'no milliseconds'],
    ['2026-01-31T12:00:00.000+00:00', 'an offset instead of Z'],
    ['2026-01-31 12:00:00.000Z', 'a space instead of T'],
    ['+002026-01-31T12:00:00.000Z', 'an expanded year'],
    ['2026-01-31T12:00:00.000Z ', 'a trailing space'],
  ])('refuses %s: %s', (time) => {
    expect(isIsoUtcTime(time)).toBe(false);
  });
});
