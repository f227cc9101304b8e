import type { EventStore, StoredEvent } from '../../src/eventstore/index.ts';
import { wordSum } from '../../src/eventstore/pages/checksum.ts';
import { eventShapeProblem } from '../../src/eventstore/pages/eventShape.ts';
import { accountStream, ledgerProjections, seededRandom } from '../../src/domain/index.ts';
import { REPLAY_BATCH, type AnyProjection, decodeState, foldInto, initialCursors, replay, saveSnapshots, stateAt } from '../../src/replay/index.ts';
import { createTimeTravel, createWhatIfBranch, LATER_READ_MODELS } from '../../src/app/parts.ts';
import { keyframePlan } from '../lib/keyframePlan.ts';
import { ms, openLog, withLog } from './log.ts';
import type { FullReplayResult, KeyframesResult, SnapshotInfo, SnapshotsResult, TimeTravelJump, TimeTravelResult, WhatIfRun } from './protocol.ts';
import { newTimings, snapshotSpan, timedStore } from './timedStore.ts';
import { untilState } from '../../test/support/untilState.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';


/** Rebuilds every projection from the first event with the app's replay, as after a projection change. */
export async function fullReplay({ sampleEvents }: { sampleEvents: number }): Promise<FullReplayResult> {
  return withLog(async (store) => {
    const folding = { ms: 0 };
    const t = performance.now();
    const result = await replay(store, timedFolds(ledgerProjections, folding), { useSnapshots: false });
    const elapsed = ms(t);
    const checksums = await checksumTime(store);

    // Which projection costs what: each folded alone over the first events, a batch at a time as replay does.
    const sample = await store.readAll({ fromSeq: 1, limit: sampleEvents });
    const perProjectionMs: Record<string, number> = {};
    for (const projection of ledgerProjections) {
      const cursors = initialCursors([projection]);
      const s = performance.now();
      for (let i = 0; i < sample.length; i += REPLAY_BATCH) foldInto([projection], cursors, sample.slice(i, i + REPLAY_BATCH));
      perProjectionMs[projection.name] = ms(s);
    }
    // The check each line of a page without a checksum gets when read, timed alone over the sample.
    const shapeStart = performance.now();
    const misshapen = sample.filter((event) => eventShapeProblem(event, event.meta.seq) !== undefined).length;
    const shapeCheckMs = ms(shapeStart);
    if (misshapen > 0) throw new Error(`${misshapen} events of the sample fail the shape check`);
    return {
      events: result.seq,
      ms: elapsed,
      eventsPerS: (result.seq * 1000) / elapsed,
      // Reads run in IndexedDB's process while pages are folded; parsing them, and waiting for them, is the rest.
      foldMs: folding.ms,
      readMs: elapsed - folding.ms,
      perProjectionMs,
      sampleEvents: sample.length,
      checksumMs: checksums.ms,
      checksummedPages: checksums.pages,
      shapeCheckMs,
    };
  });
}

/**
 * What checking the pages' checksums costs within a full replay: the very
 * sums the replay's reads compute, over every page's stored bytes, timed
 * alone (reading the pages is not counted). The replay without checksums is
 * the replay's time less this.
 */
async function checksumTime(store: EventStore): Promise<{ ms: number; pages: number }> {
  let total = 0;
  let pages = 0;
  for (let after = 0; ; ) {
    const batch = await databaseOf(store).pages.where(':id').above(after).limit(100).toArray();
    if (batch.length === 0) break;
    const t = performance.now();
    for (const page of batch) if (page.bytes !== undefined && page.sum !== undefined && wordSum(page.bytes) === page.sum) pages += 1;
    total += ms(t);
    after = batch[batch.length - 1]!.first;
  }
  return { ms: total, pages };
}

/** The projections, each batch's fold timed into `folding.ms` (as replay folds: a batch at a time through applyMany). */
function timedFolds(projections: readonly AnyProjection[], folding: { ms: number }): AnyProjection[] {
  return projections.map((projection) => ({
    ...projection,
    applyMany: (state, events) => {
      const start = performance.now();
      try {
        return projection.applyMany ? projection.applyMany(state, events) : events.reduce(projection.apply, state);
      } finally {
        folding.ms += performance.now() - start;
      }
    },
  }));
}

/**
 * Writes the keyframe snapshots a profile grown by use would hold (see
 * keyframePlan), with the app's own fold and snapshot code. Seeding, not a measurement.
 */
export async function keyframes({ every, keep }: { every: number; keep: number }): Promise<KeyframesResult> {
  return withLog(async (store) => {
    const seqs = keyframePlan(await store.lastSeq(), every, keep);
    const cursors = initialCursors(ledgerProjections);
    const started = performance.now();
    const saveMsEach: number[] = [];
    let next = 1;
    for (const seq of seqs) {
      while (next <= seq) {
        const batch = await store.readAll({ fromSeq: next, toSeq: seq, limit: 5000 });
        if (batch.length === 0) throw new Error(`Event ${next} is missing.`);
        foldInto(ledgerProjections, cursors, batch);
        next += batch.length;
      }
      const s = performance.now();
      await saveSnapshots(store, ledgerProjections, cursors, (error) => {
        throw error;
      });
      saveMsEach.push(ms(s));
    }
    return { seqs, ms: ms(started), saveMs: saveMsEach.reduce((x, y) => x + y, 0), saveMsEach };
  });
}

/** The newest snapshot of each projection: how long it takes to load and how big it is. */
export async function snapshots(): Promise<SnapshotsResult> {
  const t = performance.now();
  const store = await openLog();
  const openMs = ms(t);
  try {
    const projections: SnapshotInfo[] = [];
    for (const projection of ledgerProjections) {
      const s = performance.now();
      const snapshot = await store.loadSnapshot(projection.name, projection.version);
      const state = snapshot && decodeState(snapshot.state);
      const loadMs = ms(s);
      const jsonBytes = snapshot ? JSON.stringify(state).length : 0;
      projections.push({ name: projection.name, seq: snapshot?.seq ?? 0, loadMs, jsonBytes });
    }
    return { openMs, projections };
  } finally {
    store.close();
  }
}

const held: unknown[] = [];

export async function holdSnapshot(name: string): Promise<void> {
  const projection = ledgerProjections.find((p) => p.name === name);
  if (!projection) throw new Error(`No projection named ${name}.`);
  await withLog(async (store) => {
    const snapshot = await store.loadSnapshot(projection.name, projection.version);
    held.push(snapshot && decodeState(snapshot.state));
  });
}

/** Jumps to random past positions the way the time-travel bar does, each timed from request to state shown. */
export async function timeTravel(options: { jumps: number; seed: number; budgetMs: number }): Promise<TimeTravelResult> {
  return withLog(async (store) => {
    const last = await store.lastSeq();
    const random = seededRandom(options.seed);
    const jumps: TimeTravelJump[] = [];
    const started = performance.now();
    let budgetHit = false;
    for (let i = 0; i < options.jumps; i++) {
      if (ms(started) > options.budgetMs) {
        budgetHit = true;
        break;
      }
      const seq = 1 + random.int(last - 1);
      const timings = newTimings();
      const travel = createTimeTravel({ eventStore: timedStore(store, timings), projections: ledgerProjections, liveSeq: () => last, later: LATER_READ_MODELS });
      const t = performance.now();
      await travel.travelTo(seq);
      const elapsed = ms(t);
      // The next jump starts once this one is whole, so it never shares the page with this one's later read models.
      await untilState(travel, (s) => s.past?.pending.length === 0 || s.error !== undefined);
      const wholeMs = ms(t);
      const { past, error } = travel.getState();
      if (error || past?.seq !== seq) throw new Error(`Time travel to ${seq} failed: ${error ?? `landed on ${past?.seq}`}`);
      jumps.push({
        seq,
        ms: elapsed,
        wholeMs,
        snapshotMs: snapshotSpan(timings),
        readMs: timings.readMs,
        distance: seq - Math.min(...timings.snapshotSeqs),
      });
    }
    return { jumps, requested: options.jumps, budgetHit };
  });
}

/** Opens a what-if branch `back` events before the end with one injected deposit on an account, as the what-if bar does. */
export async function whatIf({ back, account }: { back: number; account: 'ordinary' | 'busiest' }): Promise<WhatIfRun> {
  return withLog(async (store) => {
    const last = await store.lastSeq();
    const basePoint = Math.max(1, last - back);
    const openings = ((await store.readAll({ fromSeq: 1, limit: 20 })) as StoredEvent[]).filter((e) => e.type === 'AccountOpened');
    const opening = openings[account === 'busiest' ? 0 : 1] ?? openings[0]!;
    const accountNumber = (opening.payload as { accountNumber: string }).accountNumber;
    // The app's branch starts from its memory image (the live states); the bench builds one, untimed.
    const live = await replay(store, ledgerProjections);
    const branch = createWhatIfBranch({ eventStore: store, projections: ledgerProjections, live: () => live });
    const t = performance.now();
    await branch.open({
      basePoint,
      skip: [],
      inject: [
        {
          afterSeq: basePoint,
          stream: accountStream(accountNumber),
          event: { type: 'FundsAdded', payload: { accountNumber, amount: 12_345, note: 'What if? 🤔' } },
        },
      ],
    });
    const elapsed = ms(t);
    const { result, error } = branch.getState();
    if (error || !result) throw new Error(`The what-if branch failed: ${error ?? 'no result'}`);
    const branchEvents = result.eventCount;
    branch.discard();
    const b = performance.now();
    await stateAt(store, ledgerProjections, basePoint);
    return { fromSeq: result.fromSeq, toSeq: result.toSeq, ms: elapsed, baseMs: ms(b), branchEvents, method: result.method };
  });
}
