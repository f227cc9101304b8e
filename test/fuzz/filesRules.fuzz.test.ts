import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { eventRuleProblem, isWellFormedEvent } from '../../src/files/eventRules.ts';
import { isIsoUtcTime } from '../../src/lib/isoTime.ts';
import { sampleEvents } from '../files/fileBuilder.ts';

/**
 * The reader's quick checks stand in for slower ones on every event of a file,
 * so they must give the same answer: the timestamp pattern and calendar check
 * for the event store's Date round trip, the one-pass event check for the rules
 * that name each problem.
 */

/** The event store's own test of a time: its pattern, and a Date round trip that gives back the same text. */
function readsBack(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}

const digits = (n: number, max = 9) => fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Times in the ISO shape with any digits (most of them impossible), and real ones. */
const times = fc.oneof(
  fc
    .tuple(digits(4), digits(2, 3), digits(2, 3), digits(2, 2), digits(2, 6), digits(2, 6), digits(3))
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`),
  // Month ends in any year, where leap years and short months decide.
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }).map((century) => century * 100)),
      fc.oneof(fc.constant(2), fc.integer({ min: 1, max: 12 })),
      fc.integer({ min: 28, max: 31 }),
    )
    .map(([y, mo, d]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${d}T23:59:59.999Z`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);

const EVENT = JSON.parse(JSON.stringify({ ...sampleEvents(1)[0]!, meta: { ...sampleEvents(1)[0]!.meta, causationId: 'c', schema: 2, sample: true } })) as Record<
  string,
  unknown
>;

/** What a line of a damaged or foreign file may hold instead of a field. */
const strangeValue = fc.oneof(fc.jsonValue(), times, fc.string({ minLength: 199, maxLength: 202 }), fc.constantFrom(' ', '', 0, -1, 1.5, 2 ** 53, true, null));

/** A valid event with a few of its fields (or meta's) replaced, removed or added. */
const events = fc
  .array(
    fc.tuple(
      fc.boolean(),
      fc.constantFrom('type', 'payload', 'meta', 'extra', '__proto__', 'id', 'seq', 'stream', 'version', 'at', 'causationId', 'correlationId', 'schema', 'sample'),
      fc.option(strangeValue, { nil: undefined }),
    ),
    { maxLength: 3 },
  )
  .map((changes) => {
    const event: Record<string, unknown> = { ...EVENT, meta: { ...(EVENT.meta as object) } };
    for (const [inMeta, key, value] of changes) {
      const target = inMeta && typeof event.meta === 'object' && event.meta !== null ? (event.meta as Record<string, unknown>) : event;
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
    // As a file line brings it: through JSON text (which also makes "__proto__" an own key).
    return JSON.parse(JSON.stringify(event).replace(/"extra"/g, '"__proto__"')) as unknown;
  });

describe('the reader\'s quick checks agree with the full ones', () => {
  test('a time passes the pattern and calendar check exactly when it reads back through Date', () => {
    fc.assert(
      fc.property(times, (time) => {
        expect(isIsoUtcTime(time)).toBe(readsBack(time));
      }),
      { numRuns: 3000 },
    );
  });

  test('an event passes the one-pass check exactly when the rules find no problem', () => {
    expect(isWellFormedEvent(EVENT)).toBe(true);
    fc.assert(
      fc.property(events, (event) => {
        expect(isWellFormedEvent(event)).toBe(eventRuleProblem(event) === undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
