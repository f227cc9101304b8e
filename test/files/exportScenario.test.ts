import { describe, expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';
import { exportScenario } from '../../src/files/scenarioToFile.ts';
import { readLogFile } from '../../src/files/index.ts';
import { whatIf } from '../../src/replay/index.ts';
import { counter, steppingClock } from '../replay/counter.ts';
import { blobBytes } from './helpers.ts';

const counted = (by: number) => [{ type: 'Counted', payload: { by } }];

describe('a what-if scenario as a file', () => {
  test('holds the real log up to the branch point, then the branch’s events numbered on, each stream’s versions continuing', async () => {
    const store = await openEventStore({ name: 'scenario-file', clock: steppingClock() });
    // seq 1: a v1, 2: b v1, 3: a v2, 4: b v2, 5: a v3
    for (const [stream, by] of [['a', 1], ['b', 2], ['a', 3], ['b', 4], ['a', 5]] as const) await store.append(stream, counted(by));
    const branch = await whatIf(store, [counter], 3, { skip: [4], inject: [{ afterSeq: 3, stream: 'b', event: { type: 'Counted', payload: { by: 100 } } }] });

    const file = await exportScenario(store, branch, 'Big deposit');
    const lines = new TextDecoder().decode(await blobBytes(file.blob)).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ hypothetical: true, baseSeq: 2, scenario: 'Big deposit', eventCount: 5, firstSeq: 1, lastSeq: 5 });
    expect(lines.slice(1).map((e) => [e.meta.seq, e.meta.stream, e.meta.version, e.payload.by])).toEqual([
      [1, 'a', 1, 1],
      [2, 'b', 1, 2],
      [3, 'a', 2, 3],
      [4, 'b', 2, 100],
      [5, 'a', 3, 5],
    ]);
    expect(lines[4].meta.id).toMatch(/^what-if:/);
    // A sound file: the reader checks it through, digest and continuity included.
    await expect(readLogFile(file.blob)).resolves.toMatchObject({ eventCount: 5, sha256: file.header.sha256 });
    // The real log is untouched.
    expect((await store.readAll()).map((e) => e.payload)).toEqual([1, 2, 3, 4, 5].map((by) => ({ by })));
    store.close();
  });
});
