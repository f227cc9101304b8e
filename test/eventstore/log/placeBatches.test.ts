import { describe, expect, test } from 'vitest';
import { DuplicateEventError, WrongExpectedVersionError, type JsonValue, type StoredEvent } from '../../../src/eventstore/index.ts';
import { placeBatches, prepareBatches, type PreparedBatch } from '../../../src/eventstore/log/prepareAppend.ts';

const at = new Date('2026-11-27T09:00:00.000Z');
let ids = 0;
const prepare = (batches: Parameters<typeof prepareBatches>[0]) => prepareBatches(batches, () => at, () => `id-${++ids}`);

/** A stored event as a commit before this one left it. */
function stored(id: string, stream: string, seq: number, version: number, payload: JsonValue = null): StoredEvent {
  return { type: 'Noted', payload, meta: { id, at: at.toISOString(), seq, stream, version } };
}

const versions =
  (of: Record<string, number>) =>
  (stream: string): number =>
    of[stream] ?? 0;

describe('placing a commit’s batches', () => {
  test('given a log at seq 10, when two batches land, then seqs follow the log and versions follow each stream', () => {
    const batches = prepare([
      { stream: 'a', events: [{ type: 'Noted' }, { type: 'Noted' }], expectedVersion: 3 },
      { stream: 'b', events: [{ type: 'Noted' }], expectedVersion: 'no_stream' },
    ]);
    const placed = placeBatches(batches, new Map(), versions({ a: 3 }), 10);
    expect(placed.results).toEqual([
      { firstSeq: 11, lastSeq: 12, version: 5 },
      { firstSeq: 13, lastSeq: 13, version: 1 },
    ]);
    expect(placed.rows.map((e) => [e.meta.stream, e.meta.seq, e.meta.version])).toEqual([
      ['a', 11, 4],
      ['a', 12, 5],
      ['b', 13, 1],
    ]);
    expect(placed.seq).toBe(13);
  });

  test('given a batch whose events are all stored with the same content, when it is placed again (a retry), then it gets back where it landed and writes nothing', () => {
    const [batch] = prepare([{ stream: 'a', events: [{ type: 'Noted', payload: { n: 1 }, meta: { id: 'x' } }] }]) as [PreparedBatch];
    const existing = new Map([['x', stored('x', 'a', 7, 2, { n: 1 })]]);
    expect(placeBatches([batch], existing, versions({ a: 5 }), 9)).toEqual({ results: [{ firstSeq: 7, lastSeq: 7, version: 2 }], rows: [], seq: 9 });
  });

  test.each<[string, Map<string, StoredEvent>, PreparedBatch[], Record<string, number>, unknown]>([
    [
      'an id stored with other content',
      new Map([['x', stored('x', 'a', 7, 2, { n: 2 })]]),
      prepare([{ stream: 'a', events: [{ type: 'Noted', payload: { n: 1 }, meta: { id: 'x' } }] }]),
      { a: 2 },
      DuplicateEventError,
    ],
    [
      'a batch only partly stored',
      new Map([['x', stored('x', 'a', 7, 2)]]),
      prepare([{ stream: 'a', events: [{ type: 'Noted', meta: { id: 'x' } }, { type: 'Noted', meta: { id: 'y' } }] }]),
      { a: 2 },
      DuplicateEventError,
    ],
    ['a stream not at the expected version', new Map(), prepare([{ stream: 'a', events: [{ type: 'Noted' }], expectedVersion: 1 }]), { a: 2 }, WrongExpectedVersionError],
    ['a stream expected not to exist', new Map(), prepare([{ stream: 'a', events: [{ type: 'Noted' }], expectedVersion: 'no_stream' }]), { a: 2 }, WrongExpectedVersionError],
  ])('given %s, when the commit is placed, then the whole commit is refused', (_, existing, batches, at, error) => {
    const fine = prepare([{ stream: 'other', events: [{ type: 'Noted' }] }]);
    expect(() => placeBatches([...fine, ...batches], existing, versions(at), 20)).toThrow(error as typeof DuplicateEventError);
  });

  test('given an empty batch, when it is placed, then it checks the expected version and returns the stream’s version, writing nothing', () => {
    const batches = prepare([{ stream: 'a', events: [], expectedVersion: 4 }]);
    expect(placeBatches(batches, new Map(), versions({ a: 4 }), 30)).toEqual({ results: [{ firstSeq: 0, lastSeq: 0, version: 4 }], rows: [], seq: 30 });
    expect(() => placeBatches(batches, new Map(), versions({ a: 3 }), 30)).toThrow(WrongExpectedVersionError);
  });
});
