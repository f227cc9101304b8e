import type { AppendResult, JsonValue, StreamBatch } from '../../eventstore/index.ts';
import type { Command } from '../../domain/accounts/commands.ts';
import { decide } from '../../domain/accounts/decider.ts';
import type { Stored } from '../../domain/accounts/events.ts';
import { streamOf } from '../../domain/accounts/routing.ts';
import { evolve } from '../../domain/accounts/deciderState.ts';
import type { RandomSource } from '../../domain/random.ts';
import { schemaMeta } from '../../domain/schema/eventSchema.ts';
import { versionOf, type DecisionsState } from '../../domain/readModels/decisions.ts';

/** Ids of what caused a command, stamped on every event it writes. */
export interface DispatchOptions {
  /** Id of what caused the command (e.g. the outbox message whose link was opened). */
  causationId?: string;
  correlationId?: string;
}

export interface TurnEntry {
  command: Command;
  meta: DispatchOptions;
}

/** Where one of a command's events sits in the turn's batches: [batch, index in the batch]. */
type Place = readonly [number, number];

export type TurnOutcome = { places: Place[] } | { refused: unknown };

/** One turn of the writer: every command's outcome, and the events of those accepted, one batch per stream. */
export interface TurnPlan {
  batches: StreamBatch[];
  outcomes: TurnOutcome[];
  refused: number;
}

export interface TurnContext {
  random: RandomSource;
  newId: () => string;
  /** When the turn's events are recorded. */
  at: string;
}

/**
 * Decides a turn's commands in order, each against `base` plus the events of
 * the commands before it in the turn, so two withdrawals in one turn see each
 * other. A refused command adds nothing. Each stream's batch expects the
 * version `base` knows: if another writer got there first, the whole turn is
 * refused by the store and decided again.
 */
export function planTurn(entries: readonly TurnEntry[], base: DecisionsState, ctx: TurnContext): TurnPlan {
  let state = base;
  const batches: StreamBatch[] = [];
  const batchOf = new Map<string, number>();
  const outcomes: TurnOutcome[] = [];
  let refused = 0;
  for (const { command, meta } of entries) {
    const caused = meta.causationId !== undefined || meta.correlationId !== undefined;
    let events;
    try {
      events = decide(command, state, { random: ctx.random });
    } catch (error) {
      outcomes.push({ refused: error });
      refused += 1;
      continue;
    }
    const places: Place[] = [];
    for (const event of events) {
      state = evolve(state, event);
      const stream = streamOf(event);
      let b = batchOf.get(stream);
      if (b === undefined) {
        b = batches.length;
        batchOf.set(stream, b);
        batches.push({ stream, events: [], expectedVersion: versionOf(base, stream) });
      }
      const batch = batches[b]!;
      places.push([b, batch.events.length]);
      batch.events.push({
        type: event.type,
        payload: event.payload as unknown as JsonValue,
        meta: caused ? { id: ctx.newId(), at: ctx.at, ...schemaMeta(event.type), ...meta } : { id: ctx.newId(), at: ctx.at, ...schemaMeta(event.type) },
      });
    }
    outcomes.push({ places });
  }
  return { batches, outcomes, refused };
}

/** A command's events exactly as the store keeps them, in seq order, from the results of the turn's append. */
export function storedEvents(plan: TurnPlan, results: readonly AppendResult[], places: readonly Place[]): Stored[] {
  return places
    .map(([b, i]) => {
      const batch = plan.batches[b]!;
      const result = results[b]!;
      const event = batch.events[i]!;
      const version = result.version - batch.events.length + 1 + i;
      return { type: event.type, payload: event.payload, meta: { ...event.meta, seq: result.firstSeq + i, stream: batch.stream, version } };
    })
    .sort((x, y) => x.meta.seq - y.meta.seq) as unknown as Stored[];
}
