import fc from 'fast-check';
import { test } from 'vitest';
import { useChromium } from './support/browser.ts';
import { deviceSchedules, runSchedule } from './support/syncSchedule.ts';
import { useSyncServer } from './support/syncServer.ts';

// The schedules of syncDevicesSqlite.test.ts against the server on PostgreSQL (a throwaway cluster of this file's own).

const browser = useChromium();
const server = useSyncServer('postgresql');
// A failing run prints its seed and schedule; REWIND_SYNC_SEED=<seed> runs those schedules again.
const seedFor = (devices: number) => Number(process.env.REWIND_SYNC_SEED ?? 1727 + devices);

// Two devices once and three once: about a minute on the test machine.
test.each([
  [2, 1],
  [3, 1],
])('%i devices on random schedules with offline spells, the server on PostgreSQL: no balance below zero and money conserved on every device at every step; once all are online, equal logs per stream and equal read models', async (devices, numRuns) => {
  await fc.assert(
    fc.asyncProperty(deviceSchedules(devices, 10), async (schedule) => {
      await runSchedule(browser(), server(), schedule.devices, schedule.steps);
    }),
    { seed: seedFor(devices), numRuns, endOnFailure: true },
  );
}, 180_000);
