import { describe, expect, test } from 'vitest';
import { fromDateTimeInput, toDateTimeInput } from '../../../src/ui/components/dateTimeInput.ts';

describe('datetime-local values', () => {
  test('name a moment in the device’s time zone, both ways', () => {
    const local = new Date(2026, 5, 1, 9, 30, 15);
    expect(toDateTimeInput(local)).toBe('2026-06-01T09:30:15');
    expect(fromDateTimeInput('2026-06-01T09:30:15')?.getTime()).toBe(local.getTime());
    expect(fromDateTimeInput('2026-06-01T09:30')?.getTime()).toBe(new Date(2026, 5, 1, 9, 30).getTime());
    expect(toDateTimeInput(local.toISOString())).toBe('2026-06-01T09:30:15');
  });

  test('anything else names no moment', () => {
    for (const value of ['', '2026-06-01', 'tomorrow', '2026-13-01T10:00']) expect(fromDateTimeInput(value)).toBeUndefined();
    expect(toDateTimeInput(undefined)).toBe('');
    expect(toDateTimeInput('nonsense')).toBe('');
  });
});
