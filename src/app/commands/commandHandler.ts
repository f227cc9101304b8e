import { WrongExpectedVersionError, type AppendResult, type EventStore } from '../../eventstore/index.ts';
import { parseCommand, type Command } from '../../domain/accounts/commands.ts';
import type { Stored } from '../../domain/accounts/events.ts';
import { planTurn, storedEvents, type DispatchOptions, type TurnEntry, type TurnPlan } from './commandTurn.ts';
import type { DecisionSource } from './decisionSource.ts';
import { DomainError } from '../../domain/errors.ts';
import { randomUuid, type Clock, type RandomSource } from '../../domain/random.ts';
import { cryptoRandom, cryptoUuid, systemClock } from '../systemSources.ts';

export type { DispatchOptions } from './commandTurn.ts';

/** Where commands write: the event store, or a what-if branch's stand-in for it. */
export type CommandLog = Pick<EventStore, 'appendMany'>;

export interface CommandHandlerOptions {
  log: CommandLog;
  decisions: DecisionSource;
  clock?: Clock;
  random?: RandomSource;
  /** Makes event ids; defaults to UUIDs drawn from `random`. */
  newId?: () => string;
  /** How many times a turn is decided again after another writer got there first. */
  maxRetries?: number;
  /** The most commands one turn decides and writes in one transaction. */
  maxTurn?: number;
}

export interface DispatchResult {
  command: Command;
  /** The events written, exactly as stored. */
  events: Stored[];
  /** 1 when the first decision landed; more when it was decided again after a conflict or on a fresher state. */
  attempts: number;
}

export interface CommandHandler {
  /**
   * Parses, decides and appends one command; resolves once its events are
   * stored and in the decision source (the memory image). Rejects with a
   * DomainError, writing nothing, when the command is refused.
   */
  dispatch(input: unknown, options?: DispatchOptions): Promise<DispatchResult>;
}

type Waiting = TurnEntry & { resolve: (result: DispatchResult) => void; reject: (error: unknown) => void };

const conflict = () =>
  new DomainError(
    'CONFLICT',
    'Other changes to the same accounts kept arriving while this one was decided; nothing was written. Please try again.',
  );

function lastWrittenSeq(results: readonly AppendResult[]): number {
  let last = 0;
  for (const result of results) if (result.lastSeq > last) last = result.lastSeq;
  return last;
}

/**
 * The writer of one tab: a queue of commands. Each turn takes every command
 * waiting (up to `maxTurn`), decides them in order against the decision source
 * (no stream is read), writes all their events in one appendMany, waits until
 * the source holds them, then settles each dispatch. A refused command rejects
 * alone. When another writer (tab) got there first, the log refuses the whole
 * turn; it is decided again once the source has caught up.
 */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const { log, decisions: source, clock = systemClock, random = cryptoRandom, maxRetries = 10, maxTurn = 10_000 } = options;
  const newId = options.newId ?? (random === cryptoRandom ? cryptoUuid : () => randomUuid(random));
  const waiting: Waiting[] = [];
  let writing = false;

  function settle(turn: readonly Waiting[], plan: TurnPlan, results: readonly AppendResult[], attempts: number): void {
    turn.forEach((entry, i) => {
      const outcome = plan.outcomes[i]!;
      if ('refused' in outcome) entry.reject(outcome.refused);
      else entry.resolve({ command: entry.command, events: storedEvents(plan, results, outcome.places), attempts });
    });
  }

  async function runTurn(turn: readonly Waiting[]): Promise<void> {
    for (let attempts = 1; ; attempts++) {
      const view = await source.current();
      const plan = planTurn(turn, view.state, { random, newId, at: view.at ?? clock().toISOString() });
      const mayRetry = attempts <= maxRetries;
      // A refusal must hold against the log as it is, not only as this tab last saw it.
      if (plan.refused > 0 && mayRetry && (await source.catchUp()) > view.seq) continue;
      if (plan.batches.length === 0) return settle(turn, plan, [], attempts);
      let results: AppendResult[];
      try {
        results = await log.appendMany(plan.batches);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (!mayRetry) throw conflict();
        await source.catchUp();
        continue;
      }
      await source.reached(lastWrittenSeq(results));
      return settle(turn, plan, results, attempts);
    }
  }

  async function write(): Promise<void> {
    // Let the commands dispatched in the same task as the first one join its turn.
    await Promise.resolve();
    while (waiting.length > 0) {
      const turn = waiting.splice(0, maxTurn);
      try {
        await runTurn(turn);
      } catch (error) {
        for (const entry of turn) entry.reject(error);
      }
    }
    writing = false;
  }

  return {
    async dispatch(input, dispatchOptions = {}) {
      const command = parseCommand(input);
      const meta: DispatchOptions = {};
      if (dispatchOptions.causationId) meta.causationId = dispatchOptions.causationId;
      if (dispatchOptions.correlationId) meta.correlationId = dispatchOptions.correlationId;
      const result = new Promise<DispatchResult>((resolve, reject) => waiting.push({ command, meta, resolve, reject }));
      if (!writing) {
        writing = true;
        void write();
      }
      return result;
    },
  };
}
