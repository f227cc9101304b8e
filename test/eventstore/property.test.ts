import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { AppendResult, ExpectedVersion, WrongExpectedVersionError } from '../../src/eventstore/index.ts';
import { closeStores, openStore, range } from './helpers.ts';
import { freshIndexedDb } from '../support/freshIndexedDb.ts';

afterEach(closeStores);

interface Append {
  stream: string;
  count: number;
  expected: ExpectedVersion;
}

const appendArb: fc.Arbitrary<Append> = fc.record({
  stream: fc.constantFrom('a', 'b', 'c'),
  count: fc.integer({ min: 1, max: 3 }),
  expected: fc.oneof(fc.constantFrom<ExpectedVersion>('any', 'no_stream', 'stream_exists'), fc.integer({ min: 0, max: 6 })),
});

const holds = (expected: ExpectedVersion, actual: number) =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === 0) ||
  (expected === 'stream_exists' && actual > 0) ||
  expected === actual;

/**
 * Rounds of appends; the appends of a round race each other (one store or two,
 * like two tabs). Whatever the interleaving, the outcome must be explainable by
 * some order of the appends, and the log must be gapless and match the results.
 */
it('random interleavings give a gapless log that matches what each append returned', async () => {
  let landedTotal = 0;
  let refusedTotal = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.tuple(appendArb, fc.boolean()), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
      async (rounds) => {
        freshIndexedDb();
        const tabs = [await openStore(), await openStore()];
        const version = new Map<string, number>();
        const landed: { append: Append; result: AppendResult; tag: string }[] = [];
        let tagCount = 0;

        for (const round of rounds) {
          const tagged = round.map(([append, secondTab]) => ({ append, secondTab, tag: `t${++tagCount}` }));
          const outcomes = await Promise.allSettled(
            tagged.map(({ append, secondTab, tag }) =>
              tabs[secondTab ? 1 : 0]!.append(
                append.stream,
                range(1, append.count).map((i) => ({ type: 'E', payload: { tag, i } })),
                { expectedVersion: append.expected },
              ),
            ),
          );
          // Each stream's versions through this round, in commit (seq) order.
          const ok = tagged
            .map((t, i) => ({ ...t, outcome: outcomes[i]! }))
            .filter((t): t is typeof t & { outcome: PromiseFulfilledResult<AppendResult> } => t.outcome.status === 'fulfilled')
            .sort((x, y) => x.outcome.value.firstSeq - y.outcome.value.firstSeq);
          const timeline = new Map<string, number[]>();
          for (const stream of ['a', 'b', 'c']) timeline.set(stream, [version.get(stream) ?? 0]);
          for (const { append, outcome, tag } of ok) {
            const before = timeline.get(append.stream)!.at(-1)!;
            expect(holds(append.expected, before)).toBe(true);
            expect(outcome.value.version).toBe(before + append.count);
            expect(outcome.value.lastSeq - outcome.value.firstSeq + 1).toBe(append.count);
            timeline.get(append.stream)!.push(outcome.value.version);
            landed.push({ append, result: outcome.value, tag });
            landedTotal += 1;
          }
          tagged.forEach(({ append }, i) => {
            const outcome = outcomes[i]!;
            if (outcome.status === 'fulfilled') return;
            const error = outcome.reason as WrongExpectedVersionError;
            expect(error.name).toBe('WrongExpectedVersionError');
            expect(error).toMatchObject({ stream: append.stream, expected: append.expected });
            // It failed against a version the stream really had during the round, and rightly so.
            expect(timeline.get(append.stream)).toContain(error.actual);
            expect(holds(append.expected, error.actual)).toBe(false);
            refusedTotal += 1;
          });
          for (const [stream, versions] of timeline) version.set(stream, versions.at(-1)!);
        }

        const all = await tabs[0]!.readAll();
        expect(all.map((e) => e.meta.seq)).toEqual(range(1, landed.reduce((n, l) => n + l.append.count, 0)));
        for (const stream of ['a', 'b', 'c']) {
          const own = all.filter((e) => e.meta.stream === stream);
          expect(own.map((e) => e.meta.version)).toEqual(range(1, version.get(stream) ?? 0));
          expect(await tabs[1]!.readStream(stream)).toEqual(own);
          expect(await tabs[1]!.streamVersion(stream)).toBe(version.get(stream) ?? 0);
        }
        for (const { append, result, tag } of landed) {
          const slice = all.slice(result.firstSeq - 1, result.lastSeq);
          expect(slice.map((e) => [e.meta.stream, e.meta.version, e.payload])).toEqual(
            range(1, append.count).map((i) => [append.stream, result.version - append.count + i, { tag, i }]),
          );
        }
        closeStores();
      },
    ),
    { numRuns: 100 },
  );
  // The runs must exercise both sides of the expected-version check.
  expect(landedTotal).toBeGreaterThan(50);
  expect(refusedTotal).toBeGreaterThan(50);
});
