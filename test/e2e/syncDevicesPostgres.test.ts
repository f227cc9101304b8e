import fc from 'fast-check';
import { test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { runSchedule, schedules } from './support/syncSchedule.ts';
import { useSyncServer } from './support/syncServer.ts';

// The schedules of syncDevicesSqlite.test.ts against the server on PostgreSQL (a throwaway cluster of this file's own).

const browser = useChromium();
const server = useSyncServer('postgresql');
const seed = Number(process.env.REWIND_SYNC_SEED ?? 1718);

test('two and three devices on random schedules with offline spells, the server on PostgreSQL: no balance below zero and money conserved on every device at every step; once all are online, equal logs per stream and equal read models', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(2, 3), schedules(3, 10), async (count, steps) => {
      await runSchedule(browser(), server(), count, steps.map((s) => ({ ...s, device: s.device % count })));
    }),
    { seed, numRuns: 3, endOnFailure: true },
  );
}, 240_000);
