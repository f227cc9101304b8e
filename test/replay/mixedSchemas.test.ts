import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ledgerProjections, seededRandom, syntheticLedger, upcastAll } from '../../src/domain/index.ts';
import { currentShapes } from '../../src/app/currentShapes.ts';
import { foldAll, replay, saveSnapshots } from '../../src/replay/index.ts';
import { schemaOneTwin } from '../domain/schema/schemaOne.ts';
import { asJson, storedLog } from '../app/schemaLogs.ts';

let logs = 0;

test('on a log mixing schema-1 and schema-2 events, replay from snapshots equals replay from scratch', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 1e6 }),
      fc.integer({ min: 40, max: 400 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      async (seed, events, oldShare, cutAt, endAt) => {
        // Some movements as 0.1.0 stored them, the rest as today's app does, interleaved.
        const random = seededRandom(seed);
        const written = [...syntheticLedger({ accounts: 8, events, seed })].map((e) => (random.int(1000) < oldShare * 1000 ? schemaOneTwin(e) : e));
        const store = await storedLog(`mixed-${++logs}`, written);
        const log = currentShapes(store);
        const last = written.length;
        const cut = 1 + Math.floor(cutAt * (last - 1));
        const end = cut + Math.floor(endAt * (last - cut));

        // A keyframe at the cut, made as the app makes them: from the log as it reads it.
        const atCut = await replay(log, ledgerProjections, { toSeq: cut, useSnapshots: false });
        await saveSnapshots(store, ledgerProjections, atCut.cursors, (error) => {
          throw error;
        });
        const resumed = await replay(log, ledgerProjections, { toSeq: end });
        expect(resumed.fromSeq).toBe(cut);
        const scratch = await replay(log, ledgerProjections, { toSeq: end, useSnapshots: false });
        expect(asJson(resumed.states)).toEqual(asJson(scratch.states));
        // And both are the lifted events folded in memory.
        expect(asJson(scratch.states)).toEqual(asJson(foldAll(ledgerProjections, upcastAll(written.slice(0, end)))));
        store.close();
      },
    ),
    { numRuns: 15 },
  );
});
