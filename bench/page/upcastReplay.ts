import { openEventStore, type EventStore } from '../../src/eventstore/index.ts';
import { ledgerProjections, upcastAll } from '../../src/domain/index.ts';
import { KEYFRAMES, REPLAY_BATCH, replay } from '../../src/replay/index.ts';
import { currentShapes } from '../../src/app/currentShapes.ts';
import { ms, withLog } from './log.ts';
import type { UpcastReplayResult, UpcastReplayRound } from './protocol.ts';
import { SCHEMA_1_LOG } from './schemaOneLog.ts';

/**
 * What reading the log through the upcasters costs a full replay. Each round
 * replays the app's log (every event current) twice from the first event, once
 * as the app reads it (`currentShapes`) and once as stored, in alternating
 * order so neither always runs on a warmer heap; the middle round also replays
 * the same log stored as schema 1, whose movements are all lifted. One replay
 * before the rounds is not counted.
 */
export async function upcastReplay({ rounds }: { rounds: number }): Promise<UpcastReplayResult> {
  return withLog(async (store) => {
    const timed = async (read: typeof store) => {
      const t = performance.now();
      const result = await replay(read, ledgerProjections, { useSnapshots: false });
      return { ms: ms(t), result };
    };
    // Untimed: the first replay of a page compiles the fold and warms IndexedDB's cache, which neither way should be charged for.
    await timed(store);
    const out: UpcastReplayRound[] = [];
    let events = 0;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['lifted', 'stored'] as const) : (['stored', 'lifted'] as const);
      const times: Partial<UpcastReplayRound> = {};
      for (const way of order) {
        const { ms: elapsed, result } = await timed(way === 'lifted' ? currentShapes(store) : store);
        times[way === 'lifted' ? 'liftedMs' : 'storedMs'] = elapsed;
        events = result.seq;
      }
      if (round === Math.floor(rounds / 2)) {
        const old = await openEventStore({ name: SCHEMA_1_LOG, keyframes: KEYFRAMES });
        try {
          const { ms: elapsed, result } = await timed(currentShapes(old));
          if (result.seq !== events) throw new Error(`The schema-1 copy holds ${result.seq} events, the log ${events}.`);
          times.schemaOneMs = elapsed;
        } finally {
          old.close();
        }
      }
      out.push(times as UpcastReplayRound);
    }
    return { events, rounds: out, liftMs: await liftTime(store) };
  });
}

/** The upcasters' own work in a replay of the log: `upcastAll` over every batch the replay reads, timed alone (reads not counted). */
async function liftTime(store: EventStore): Promise<number> {
  let total = 0;
  for (let fromSeq = 1; ; fromSeq += REPLAY_BATCH) {
    const batch = await store.readAll({ fromSeq, limit: REPLAY_BATCH });
    if (batch.length === 0) return total;
    const t = performance.now();
    upcastAll(batch);
    total += ms(t);
  }
}
