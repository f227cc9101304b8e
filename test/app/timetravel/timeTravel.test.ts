import { describe, expect, test } from 'vitest';
import { openEventStore, type EventStore } from '../../../src/eventstore/index.ts';
import { createTimeTravel } from '../../../src/app/timetravel/timeTravel.ts';
import { LATER_READ_MODELS } from '../../../src/app/laterReadModels.ts';
import { untilState } from '../../support/untilState.ts';
import { count, counter, steppingClock } from '../../replay/counter.ts';
import { ledgerProjections, syntheticLedger } from '../../../src/domain/index.ts';
import { appendGenerated } from '../../../src/app/parts.ts';
import { foldAll } from '../../../src/replay/index.ts';

async function setUp() {
  const eventStore = await openEventStore({ name: 'tt', clock: steppingClock() });
  await count(eventStore, 1, 10, 100, 1000);
  const travel = createTimeTravel({ eventStore, projections: [counter], liveSeq: () => 4 });
  return { eventStore, travel };
}

describe('time travel', () => {
  test('shows the state after event N with its time, and back to now', async () => {
    const { travel } = await setUp();
    await travel.travelTo(2);
    expect(travel.getState().past).toEqual({ seq: 2, at: '2026-01-01T00:01:00.000Z', states: { counter: 11 }, pending: [] });
    travel.backToNow();
    expect(travel.getState().past).toBeUndefined();
  });

  test('steps one event back and forward, to the start, and stepping past the end is now', async () => {
    const { travel } = await setUp();
    await travel.step(-1);
    expect(travel.getState().past?.states.counter).toBe(111);
    await travel.step(-1);
    await travel.step(+1);
    expect(travel.getState().past?.seq).toBe(3);
    await travel.toStart();
    expect(travel.getState().past).toMatchObject({ seq: 0, states: { counter: 0 } });
    await travel.step(+10);
    expect(travel.getState().past).toBeUndefined();
  });

  test('a step forward goes on from the view on screen: it reads the events after it and loads no keyframe', async () => {
    const { eventStore } = await setUp();
    await eventStore.saveSnapshot({ name: 'counter', version: 1, seq: 1, state: 1 });
    const reads: unknown[] = [];
    let loads = 0;
    const watched: EventStore = {
      ...eventStore,
      readAll: (options) => {
        reads.push(options);
        return eventStore.readAll(options);
      },
      loadSnapshot: (...args) => {
        loads++;
        return eventStore.loadSnapshot(...args);
      },
    };
    const travel = createTimeTravel({ eventStore: watched, projections: [counter], liveSeq: () => 4 });
    await travel.travelTo(2);
    expect([reads.length, loads]).toEqual([1, 1]);
    await travel.step(+1);
    expect(travel.getState().past).toEqual({ seq: 3, at: '2026-01-01T00:02:00.000Z', states: { counter: 111 }, pending: [] });
    expect(reads.slice(1)).toEqual([{ fromSeq: 3, toSeq: 3 }]);
    expect(loads).toBe(1);
  });

  test('travels to a date', async () => {
    const { travel } = await setUp();
    await travel.travelTo(new Date('2026-01-01T00:02:30.000Z'));
    expect(travel.getState().past?.seq).toBe(3);
  });

  test('when jumps overlap, only the newest lands', async () => {
    const { travel } = await setUp();
    await Promise.all([travel.travelTo(1), travel.travelTo(3), travel.travelTo(2)]);
    expect(travel.getState()).toMatchObject({ loading: false, past: { seq: 2 } });
  });

  test('a bad date is reported and the view stays where it was', async () => {
    const { travel } = await setUp();
    await travel.travelTo(1);
    await travel.travelTo(new Date('not a date'));
    expect(travel.getState()).toMatchObject({ past: { seq: 1 }, error: expect.stringMatching(/not a valid date/) });
  });
});

describe('time travel through the ledger', () => {
  /** The read models a past view shows: all but the command handler's decisions and the what-if guard. */
  const shown = ledgerProjections.filter((p) => p.name !== 'decisions' && p.name !== 'whatIfGuard');

  /** A log of 80 events of three accounts: openings, verifications, movements and transfers. */
  async function smallLedger(name: string) {
    const eventStore = await openEventStore({ name });
    const events = [...syntheticLedger({ accounts: 3, events: 80, seed: 3, spanDays: 2 })];
    await appendGenerated(eventStore, events);
    return { eventStore, events };
  }

  test('shows the read models the screens use as they were, without the command handler’s decisions', async () => {
    const { eventStore, events } = await smallLedger('tt-ledger');
    const travel = createTimeTravel({ eventStore, projections: ledgerProjections, liveSeq: () => 80 });
    await travel.travelTo(50);
    expect(travel.getState().past).toEqual({ seq: 50, at: events[49]!.meta.at, states: foldAll(shown, events.slice(0, 50)), pending: [] });
  });

  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
  };

  test('a jump lands with what the first screens read; the larger read models follow, and then equal a fold to that point', async () => {
    const { eventStore, events } = await smallLedger('tt-later');
    const travel = createTimeTravel({ eventStore, projections: ledgerProjections, liveSeq: () => 80, later: LATER_READ_MODELS });
    await travel.travelTo(50);
    const landed = travel.getState().past!;
    expect([...landed.pending].sort()).toEqual(['outbox', 'reports']);
    expect(Object.keys(landed.states).sort()).toEqual(['accounts', 'spending', 'totals']);
    await untilState(travel, (s) => s.past?.pending.length === 0);
    expect(travel.getState().past).toEqual({ seq: 50, at: events[49]!.meta.at, states: foldAll(shown, events.slice(0, 50)), pending: [] });
  });

  test('a newer move made before the larger read models follow: the older move\u2019s never land on the newer view', async () => {
    const { eventStore, events } = await smallLedger('tt-later-moved');
    // Each move's later step waits here (at its first look for the outbox's keyframe) until let go.
    const held: (() => void)[] = [];
    const gated: EventStore = {
      ...eventStore,
      snapshotSeq: async (name, ...rest) => {
        if (name === 'outbox') await new Promise<void>((resolve) => held.push(resolve));
        return eventStore.snapshotSeq(name, ...rest);
      },
    };
    const travel = createTimeTravel({ eventStore: gated, projections: ledgerProjections, liveSeq: () => 80, later: LATER_READ_MODELS });
    await travel.travelTo(50);
    await until(() => held.length === 1);
    // A move made while the view still waits for them takes them itself, at once.
    const moving = travel.travelTo(20);
    await until(() => held.length === 2);
    held[1]!();
    await moving;
    expect(travel.getState().past).toMatchObject({ seq: 20, pending: [] });
    held[0]!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(travel.getState().past).toMatchObject({ seq: 20, states: foldAll(shown, events.slice(0, 20)), pending: [] });
  });

  test('a move made before the last one’s landing was painted: the last one never fetches its larger read models, the new one does at once', async () => {
    const { eventStore, events } = await smallLedger('tt-later-skipped');
    const asked: number[] = [];
    const watched: EventStore = {
      ...eventStore,
      snapshotSeq: (name, version, maxSeq) => {
        if (name === 'outbox') asked.push(maxSeq ?? 0);
        return eventStore.snapshotSeq(name, version, maxSeq);
      },
    };
    const travel = createTimeTravel({ eventStore: watched, projections: ledgerProjections, liveSeq: () => 80, later: LATER_READ_MODELS });
    await travel.travelTo(50);
    expect(travel.getState().past).toMatchObject({ seq: 50, pending: expect.arrayContaining(['outbox']) });
    await travel.travelTo(30);
    expect(travel.getState().past?.pending).toEqual([]);
    expect(asked).toEqual([30]);
    expect(travel.getState().past).toMatchObject({ seq: 30, states: foldAll(shown, events.slice(0, 30)), pending: [] });
  });

  test('a step after a jump folds the larger read models from memory at once: it lands whole', async () => {
    const { eventStore, events } = await smallLedger('tt-later-step');
    const travel = createTimeTravel({ eventStore, projections: ledgerProjections, liveSeq: () => 80, later: LATER_READ_MODELS });
    await travel.travelTo(50);
    expect(travel.getState().past?.pending).not.toEqual([]);
    await untilState(travel, (s) => s.past?.pending.length === 0);
    for (const delta of [-1, -1, +1]) {
      await travel.step(delta);
      const { past } = travel.getState();
      expect(past?.pending).toEqual([]);
      expect(past?.states).toEqual(foldAll(shown, events.slice(0, past!.seq)));
    }
  });
});
