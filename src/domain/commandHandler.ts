import { WrongExpectedVersionError, type EventStore, type JsonValue, type StreamBatch } from '../eventstore/index.ts';
import { parseCommand, type Command } from './accounts/commands.ts';
import { decide } from './accounts/decider.ts';
import type { LedgerEvent, Stored } from './accounts/events.ts';
import { streamOf, streamsToRead } from './accounts/routing.ts';
import { foldEvents, initialState, type DecisionState } from './accounts/state.ts';
import { DomainError } from './errors.ts';
import { randomUuid, type Clock, type RandomSource } from './random.ts';
import { cryptoRandom, systemClock } from './runtime.ts';

/** The part of the event store commands need; a what-if branch can offer an in-memory one. */
export type CommandStore = Pick<EventStore, 'readStream' | 'appendMany'>;

export interface CommandHandlerOptions {
  store: CommandStore;
  clock?: Clock;
  random?: RandomSource;
  /** Makes event ids; defaults to UUIDs drawn from `random`. */
  newId?: () => string;
  /** How many times a command is decided again on fresh state after another writer got there first. */
  maxRetries?: number;
  /** How many streams' folded states are kept between commands. */
  cacheSize?: number;
}

export interface DispatchOptions {
  /** Id of what caused the command (e.g. the outbox message whose link was opened). */
  causationId?: string;
  correlationId?: string;
}

export interface DispatchResult {
  command: Command;
  /** The events written, exactly as stored. */
  events: Stored[];
  /** 1 when the first decision landed; more when it was decided again after a conflict. */
  attempts: number;
}

export interface CommandHandler {
  /** Parses, decides and appends one command. Throws a DomainError (nothing written) when refused. */
  dispatch(input: unknown, options?: DispatchOptions): Promise<DispatchResult>;
}

type Folded = { version: number; lastId: string; state: DecisionState };

function merge(a: DecisionState, b: DecisionState): DecisionState {
  return { accounts: { ...a.accounts, ...b.accounts }, emails: { ...a.emails, ...b.emails } };
}

export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const { store, clock = systemClock, random = cryptoRandom, maxRetries = 10, cacheSize = 500 } = options;
  const newId = options.newId ?? (() => randomUuid(random));
  // Streams only grow, so a folded state stays valid; its last event id detects a log replaced by an import.
  const cache = new Map<string, Folded>();

  function remember(stream: string, folded: Folded): void {
    cache.delete(stream);
    cache.set(stream, folded);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  }

  async function readFolded(stream: string): Promise<Folded | undefined> {
    const cached = cache.get(stream);
    if (cached) {
      const tail = await store.readStream(stream, { fromVersion: cached.version });
      if (tail[0]?.meta.id === cached.lastId) {
        if (tail.length === 1) return cached;
        const last = tail[tail.length - 1]!;
        const folded = { version: last.meta.version, lastId: last.meta.id, state: foldEvents(tail.slice(1), cached.state) };
        remember(stream, folded);
        return folded;
      }
      cache.delete(stream);
    }
    const events = await store.readStream(stream);
    const last = events[events.length - 1];
    if (!last) return undefined;
    const folded = { version: last.meta.version, lastId: last.meta.id, state: foldEvents(events) };
    remember(stream, folded);
    return folded;
  }

  async function load(command: Command): Promise<{ state: DecisionState; versions: Map<string, number> }> {
    let state = initialState();
    const versions = new Map<string, number>();
    for (;;) {
      const missing = streamsToRead(command, state).filter((s) => !versions.has(s));
      if (missing.length === 0) return { state, versions };
      const loaded = await Promise.all(missing.map(readFolded));
      missing.forEach((stream, i) => {
        const folded = loaded[i];
        versions.set(stream, folded?.version ?? 0);
        if (folded) state = merge(state, folded.state);
      });
    }
  }

  function toBatches(events: LedgerEvent[], versions: Map<string, number>, dispatchOptions: DispatchOptions) {
    const at = clock().toISOString();
    const byStream = new Map<string, StreamBatch>();
    for (const event of events) {
      const stream = streamOf(event);
      let batch = byStream.get(stream);
      if (!batch) {
        batch = { stream, events: [], expectedVersion: versions.get(stream) ?? 'no_stream' };
        byStream.set(stream, batch);
      }
      batch.events.push({
        type: event.type,
        payload: event.payload as unknown as JsonValue,
        meta: { id: newId(), at, ...dispatchOptions },
      });
    }
    return [...byStream.values()];
  }

  async function attempt(command: Command, dispatchOptions: DispatchOptions): Promise<Stored[]> {
    const { state, versions } = await load(command);
    const batches = toBatches(decide(command, state, { random }), versions, dispatchOptions);
    const results = await store.appendMany(batches);
    const stored: Stored[] = [];
    batches.forEach((batch, b) => {
      const result = results[b]!;
      const first = result.version - batch.events.length + 1;
      const written = batch.events.map(
        (e, i) =>
          ({
            type: e.type,
            payload: e.payload,
            meta: { ...e.meta, seq: result.firstSeq + i, stream: batch.stream, version: first + i },
          }) as unknown as Stored,
      );
      stored.push(...written);
      // Fold what was just written onto the cached state, so the next command on this stream reads one event.
      const cached = cache.get(batch.stream);
      const base = first === 1 ? initialState() : cached?.version === first - 1 ? cached.state : undefined;
      if (base) {
        const lastId = written[written.length - 1]!.meta.id;
        remember(batch.stream, { version: result.version, lastId, state: foldEvents(written, base) });
      } else cache.delete(batch.stream);
    });
    return stored.sort((a, b) => a.meta.seq - b.meta.seq);
  }

  return {
    async dispatch(input, dispatchOptions = {}) {
      const command = parseCommand(input);
      const meta: DispatchOptions = {};
      if (dispatchOptions.causationId) meta.causationId = dispatchOptions.causationId;
      if (dispatchOptions.correlationId) meta.correlationId = dispatchOptions.correlationId;
      for (let attempts = 1; attempts <= maxRetries + 1; attempts++) {
        try {
          return { command, events: await attempt(command, meta), attempts };
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
        }
      }
      throw new DomainError(
        'CONFLICT',
        'Other changes to the same accounts kept arriving while this one was decided; nothing was written. Please try again.',
      );
    },
  };
}
