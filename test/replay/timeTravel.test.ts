import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { appendGenerated, ledgerProjections, syntheticLedger } from '../../src/domain/index.ts';
import { foldAll, foldInto, initialCursors, saveSnapshots, stateAt } from '../../src/replay/index.ts';

let logs = 0;

describe('time travel from keyframes', () => {
  test('gives the state of replaying from the first event to the point, for random ledgers, keyframes and points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 20, max: 120 }),
        fc.uniqueArray(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        async (seed, size, keyframePicks, pointPicks) => {
          const events = [...syntheticLedger({ accounts: 3, events: size, seed, spanDays: 3 })];
          const store = await openEventStore({ name: `travel-${++logs}`, keyframes: 10 });
          await appendGenerated(store, events);
          // Keyframes as the memory image leaves them: every read model saved at a few seqs.
          const cursors = initialCursors(ledgerProjections);
          let folded = 0;
          const keyframes = [...new Set(keyframePicks.map((p) => 1 + (p % size)))].sort((a, b) => a - b);
          for (const seq of keyframes) {
            foldInto(ledgerProjections, cursors, events.slice(folded, seq));
            folded = seq;
            await saveSnapshots(store, ledgerProjections, cursors, (error) => {
              throw error;
            });
          }
          for (const point of pointPicks.map((p) => p % (size + 1))) {
            const past = await stateAt(store, ledgerProjections, point);
            expect(past.seq).toBe(point);
            // A jump starts from the nearest keyframe at or before its point.
            expect(past.fromSeq).toBe(Math.max(0, ...keyframes.filter((k) => k <= point)));
            expect(past.states).toEqual(foldAll(ledgerProjections, events.slice(0, point)));
          }
          store.close();
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});
