import { describe, expect, test } from 'vitest';
import { confirmedTo, isPending, isPulled, waitingCount, withoutHandled, withPulled, type SyncSettings } from '../../../src/app/sync/syncState.ts';

const settings = (confirmedThrough: number, pulled: [number, number][]): SyncSettings => ({
  server: 'http://127.0.0.1:8787',
  spaceId: 'space-1',
  secret: 's'.repeat(43),
  deviceName: 'Phone',
  position: 0,
  confirmedThrough,
  pulled,
});

describe('which local events are this device\'s and still wait for the server', () => {
  test('events pulled from the server never count as waiting, the rest after the confirmed seq do', () => {
    const s = settings(10, [[12, 14], [17, 17]]);
    expect([10, 11, 12, 14, 15, 17, 18].map((seq) => isPulled(s, seq))).toEqual([false, false, true, true, false, true, false]);
    expect([10, 11, 12, 15].map((seq) => isPending(s, seq))).toEqual([false, true, false, true]);
    // 11, 15, 16 and 18 are this device's.
    expect(waitingCount(s, 18)).toBe(4);
    expect(waitingCount(settings(18, []), 18)).toBe(0);
  });

  test('a pulled range that follows the last one joins it', () => {
    expect(withPulled([[3, 5]], 6, 9)).toEqual([[3, 9]]);
    expect(withPulled([[3, 5]], 8, 9)).toEqual([[3, 5], [8, 9]]);
  });

  test('pulled ranges outlive confirmation until the process managers have passed them: they must not react to another device\'s events', () => {
    const confirmed = confirmedTo(settings(10, [[12, 14], [17, 20]]), 18);
    expect(confirmed).toMatchObject({ confirmedThrough: 18, pulled: [[12, 14], [17, 20]] });
    expect(isPulled(confirmed, 13)).toBe(true);
    expect(waitingCount(confirmed, 21)).toBe(1);
    expect(withoutHandled(confirmed, 15).pulled).toEqual([[17, 20]]);
    // Not yet confirmed, a range is kept whatever the process managers did.
    expect(withoutHandled(confirmed, 30).pulled).toEqual([[17, 20]]);
    const unchanged = settings(10, [[12, 14]]);
    expect(confirmedTo(unchanged, 9)).toBe(unchanged);
  });
});
