import fc from 'fast-check';
import { test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { deviceSchedules, runSchedule } from './support/syncSchedule.ts';
import { useSyncServer } from './support/syncServer.ts';

// Several devices as separate Chromium profiles against the real server on SQLite, over generated schedules.

const browser = useChromium();
const server = useSyncServer('sqlite');
// A failing run prints its seed and schedule; REWIND_SYNC_SEED=<seed> runs those schedules again.
const seed = Number(process.env.REWIND_SYNC_SEED ?? 1717);

test('two and three devices on random schedules with offline spells: no balance below zero and money conserved on every device at every step; once all are online, equal logs per stream and equal read models', async () => {
  await fc.assert(
    fc.asyncProperty(deviceSchedules(10), async ({ devices, steps }) => {
      await runSchedule(browser(), server(), devices, steps);
    }),
    { seed, numRuns: 3, endOnFailure: true },
  );
}, 240_000);
