import { afterEach, describe, expect, test } from 'vitest';
import type { EventStore } from '../../../src/eventstore/index.ts';
import { exportLog } from '../../../src/files/index.ts';
import { exportScenario } from '../../../src/files/scenarioToFile.ts';
import { HYPOTHETICAL_ID_PREFIX, whatIf, type Injection, type WhatIfChanges } from '../../../src/replay/index.ts';
import { scenarioPlanOf } from '../../../src/app/whatif/scenarioFile.ts';
import { closeStores, openStore } from '../../eventstore/helpers.ts';
import { counter } from '../../replay/counter.ts';

afterEach(closeStores);

const counted = (by: number) => [{ type: 'Counted', payload: { by } }];

/** seq 1: a+1, 2: b+2, 3: a+3, 4: b+4, 5: a+5. */
async function fiveEvents(store: EventStore): Promise<void> {
  for (const [stream, by] of [['a', 1], ['b', 2], ['a', 3], ['b', 4], ['a', 5]] as const) await store.append(stream, counted(by));
}

const deposit = (afterSeq: number, stream: string, by: number): Injection => ({ afterSeq, stream, event: { type: 'Counted', payload: { by } } });

/** The branch as a scenario file, the way "Export scenario" writes it. */
async function scenarioFile(store: EventStore, fromSeq: number, changes: WhatIfChanges, name?: string): Promise<Blob> {
  return (await exportScenario(store, await whatIf(store, [counter], fromSeq, changes), name)).blob;
}

/** What the branch comes to: the count, and the events it plays after its base. */
async function outcome(store: EventStore, fromSeq: number, changes: WhatIfChanges) {
  const result = await whatIf(store, [counter], fromSeq, changes);
  return { count: result.states.counter, events: result.eventCount };
}

describe('opening a scenario file', () => {
  test('gives back the branch that was exported, on the log it was made on, with its name', async () => {
    const store = await openStore();
    await fiveEvents(store);
    const changes = { skip: [4], inject: [deposit(3, 'b', 100), deposit(5, 'a', 1000)] };
    const file = await scenarioFile(store, 3, changes, 'Big deposit');

    const { plan, header } = await scenarioPlanOf(store, file);
    expect(header.scenario).toBe('Big deposit');
    expect(plan.skip).toEqual([4]);
    expect(plan.inject.map(({ afterSeq, stream, event }) => [afterSeq, stream, event.payload])).toEqual([
      [3, 'b', { by: 100 }],
      [5, 'a', { by: 1000 }],
    ]);
    // Injected events stay marked hypothetical, so the event log can tell them apart.
    expect(plan.inject.every((i) => i.event.meta?.id?.startsWith(HYPOTHETICAL_ID_PREFIX))).toBe(true);
    // Replayed, it comes to what the exported branch came to.
    expect(await outcome(store, plan.basePoint + 1, plan)).toEqual(await outcome(store, 3, changes));
    expect((await outcome(store, plan.basePoint + 1, plan)).count).toBe(1 + 2 + 3 + 100 + 5 + 1000);
  });

  test('skips what this log recorded after the scenario was made: the file never had it', async () => {
    const store = await openStore();
    await fiveEvents(store);
    const file = await scenarioFile(store, 4, { skip: [], inject: [deposit(4, 'a', 10)] });
    await store.append('b', counted(6));

    const { plan } = await scenarioPlanOf(store, file);
    expect(plan.skip).toEqual([6]);
    expect((await outcome(store, plan.basePoint + 1, plan)).count).toBe(1 + 2 + 3 + 4 + 10 + 5);
  });

  test('an event the file holds and this log does not is played as hypothetical, after the real event before it', async () => {
    const other = await openStore({ name: 'other-device' });
    await fiveEvents(other);
    const here = await openStore({ name: 'here' });
    await fiveEvents(here);
    // Both logs start alike only if their events are the same ones: copy the other's first three here.
    const shared = await openStore({ name: 'shared' });
    for (const e of await other.readAll({ toSeq: 3 })) await shared.append(e.meta.stream, [{ type: e.type, payload: e.payload, meta: { id: e.meta.id } }]);
    await shared.append('a', counted(7));
    // Made on `other` from event 3 on: events 1-2 shared, 3 shared, 4 and 5 only on `other`.
    const file = await scenarioFile(other, 3, { skip: [], inject: [] });

    const { plan } = await scenarioPlanOf(shared, file);
    expect(plan.basePoint).toBe(2);
    // Event 4 of this log (a+7) is not in the file; the file's 4 and 5 are played after event 3, the last one both hold.
    expect(plan.skip).toEqual([4]);
    expect(plan.inject.map(({ afterSeq, event }) => [afterSeq, event.payload])).toEqual([
      [3, { by: 4 }],
      [3, { by: 5 }],
    ]);
    expect(plan.inject.every((i) => i.event.meta?.id?.startsWith(HYPOTHETICAL_ID_PREFIX))).toBe(true);
    expect((await outcome(shared, plan.basePoint + 1, plan)).count).toBe(1 + 2 + 3 + 4 + 5);
    await expect(scenarioPlanOf(here, file)).rejects.toThrow(/made on another log: its event 1 is not this log's event 1/);
  });

  test('is refused on a log that does not reach the scenario’s base', async () => {
    const store = await openStore();
    await fiveEvents(store);
    const file = await scenarioFile(store, 5, { skip: [], inject: [] });
    const shorter = await openStore({ name: 'shorter' });
    await expect(scenarioPlanOf(shorter, file)).rejects.toThrow(/made on another log/);
  });

  test('a log file that is not a scenario is sent to Import instead', async () => {
    const store = await openStore();
    await fiveEvents(store);
    const { blob } = await exportLog(store);
    await expect(scenarioPlanOf(store, blob)).rejects.toThrow('This file is a log, not a what-if scenario: import it instead.');
  });
});
