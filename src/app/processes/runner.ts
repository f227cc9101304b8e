import {
  DuplicateEventError,
  EventStoreClosedError,
  type EventStore,
  type StoredEvent,
  type StreamBatch,
} from '../../eventstore/index.ts';
import type { Clock, RandomSource } from '../../domain/random.ts';
import { cryptoRandom, systemClock } from '../systemSources.ts';
import { processManagers } from '../../domain/processManagers/processManagers.ts';
import { PROCESS_MANAGER_LOCK, webLockRequest, type LockRequest } from '../locks/locks.ts';
import { SeqWaiters } from '../../lib/seqWaiters.ts';
import { reactionInputs, triggers } from '../../domain/processManagers/reactions.ts';
import type { AccountProfile, AnyProcessManager } from '../../domain/processManagers/types.ts';

/** What the runner needs of the log: to follow it, read an account's opening, and append reactions with checkpoints. */
export type ProcessManagerLog = Pick<
  EventStore,
  'subscribe' | 'appendMany' | 'readStream' | 'getCheckpoint' | 'setCheckpoint' | 'lastSeq'
>;

export interface ProcessManagerOptions {
  log: ProcessManagerLog;
  clock?: Clock;
  random?: RandomSource;
  /**
   * Defaults to Web Locks, so one tab of the origin runs the managers at a time.
   * Where they are missing the runner goes unlocked: reactions have ids derived
   * from the triggering event, so a second runner's copy is refused by the event store.
   */
  lock?: LockRequest;
  managers?: readonly AnyProcessManager[];
  onError?: (error: unknown) => void;
  /**
   * Events another device recorded (pulled from the sync server): that device
   * reacts to them, so the ledger gets each reaction once. Asked once per batch.
   */
  remoteEvents?: () => Promise<(event: StoredEvent) => boolean>;
  /** Wait before resubscribing after a failed batch; doubled after each failure in a row (see retryDelay). */
  retryDelayMs?: number;
}

/** The longest wait between two tries while storage keeps failing. */
export const MAX_RETRY_DELAY_MS = 60_000;

/**
 * How long to wait after the `failures`-th failure in a row: `base`, then twice
 * as long each time, up to MAX_RETRY_DELAY_MS: while storage is unavailable
 * every try fails and is reported, so the tries (and reports) grow further apart.
 */
export function retryDelay(failures: number, base: number): number {
  return Math.min(base * 2 ** Math.max(0, failures - 1), Math.max(base, MAX_RETRY_DELAY_MS));
}

export interface ProcessManagerRunner {
  /** 'waiting' for the lock (another tab runs the managers), 'running', or 'stopped'. */
  status(): 'waiting' | 'running' | 'stopped';
  /** Resolves once every event stored when it was called has been handled. */
  caughtUp(): Promise<void>;
  /** Finishes the batch in hand, stops and releases the lock. */
  stop(): Promise<void>;
}

const runUnlocked: LockRequest = (_name, _signal, whileHeld) => whileHeld();

/**
 * Runs the process managers live against the real log, and only there:
 * replays, time travel and what-if fold projections and never start this.
 * Each batch of events is handled per manager in one transaction that appends
 * the reactions together with the manager's checkpoint, so a reload, a crash or
 * a handover to another tab neither repeats nor skips a message.
 */
export function startProcessManagers(options: ProcessManagerOptions): ProcessManagerRunner {
  const { log, clock = systemClock, random = cryptoRandom, lock = webLockRequest() ?? runUnlocked, managers = processManagers } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('Process managers failed', error));
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const remoteEvents = options.remoteEvents ?? (async () => () => false);
  const abort = new AbortController();
  const profiles = new Map<string, AccountProfile>();
  let state: 'waiting' | 'running' | 'stopped' = 'waiting';
  let handled = 0;
  let failures = 0;
  const handledWaiters = new SeqWaiters(() => handled);
  let work: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  function advance(seq: number): void {
    handled = Math.max(handled, seq);
    handledWaiters.wake();
  }

  async function profileOf(event: StoredEvent): Promise<AccountProfile | undefined> {
    if (event.type === 'AccountOpened') return event.payload as AccountProfile;
    const known = profiles.get(event.meta.stream);
    if (known) return known;
    const [opened] = await log.readStream(event.meta.stream, { limit: 1 });
    if (opened?.type !== 'AccountOpened') return undefined;
    profiles.set(event.meta.stream, opened.payload as AccountProfile);
    return opened.payload as AccountProfile;
  }

  async function reactionsTo(manager: AnyProcessManager, events: StoredEvent[]): Promise<StreamBatch[]> {
    const byStream = new Map<string, StreamBatch>();
    const at = clock().toISOString();
    for (const event of events) {
      const account = await profileOf(event);
      if (!account) continue;
      const inputs = reactionInputs(manager, event, account, { random, at });
      const batch = byStream.get(event.meta.stream) ?? { stream: event.meta.stream, events: [] };
      batch.events.push(...inputs);
      byStream.set(event.meta.stream, batch);
    }
    return [...byStream.values()];
  }

  /** Stores the reactions to `events` and moves the checkpoint to `through`, all at once. */
  async function commit(manager: AnyProcessManager, events: StoredEvent[], through: number): Promise<void> {
    if (events.length === 0) return log.setCheckpoint(manager.name, through);
    try {
      await log.appendMany(await reactionsTo(manager, events), { checkpoint: { name: manager.name, seq: through } });
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      // Another runner (a tab without Web Locks) or an imported log already holds some of these reactions:
      // keep those, and handle the others one by one.
      if (events.length > 1) for (const event of events) await commit(manager, [event], event.meta.seq);
      await log.setCheckpoint(manager.name, through);
    }
  }

  async function handleBatch(batch: StoredEvent[]): Promise<void> {
    const through = batch[batch.length - 1]!.meta.seq;
    const remote = await remoteEvents();
    for (const manager of managers) {
      // Re-read each time: an import may have marked events as handled since the last batch.
      const checkpoint = await log.getCheckpoint(manager.name);
      if (through <= checkpoint) continue;
      const due = batch.filter((e) => e.meta.seq > checkpoint && triggers(manager, e) && !remote(e));
      await commit(manager, due, through);
    }
    failures = 0;
    advance(through);
  }

  async function subscribeFromCheckpoints(): Promise<void> {
    const seqs = await Promise.all(managers.map((m) => log.getCheckpoint(m.name)));
    if (state !== 'running') return;
    const from = Math.min(...seqs) + 1;
    advance(from - 1);
    unsubscribe = log.subscribe(
      from,
      (batch) => (work = handleBatch(batch)),
      (error) => {
        unsubscribe?.();
        unsubscribe = undefined;
        if (state !== 'running') return;
        onError(error);
        if (error instanceof EventStoreClosedError) return;
        // The subscription has moved past the failed batch; start again from the checkpoints.
        failures += 1;
        setTimeout(() => {
          if (state === 'running' && !unsubscribe) subscribeFromCheckpoints().catch(onError);
        }, retryDelay(failures, retryDelayMs));
      },
    );
  }

  const done = lock(PROCESS_MANAGER_LOCK, abort.signal, async () => {
    if (state === 'stopped') return;
    state = 'running';
    await subscribeFromCheckpoints();
    await released;
    unsubscribe?.();
    await work.catch(() => undefined);
  }).catch((error: unknown) => {
    if (!abort.signal.aborted) onError(error);
  });

  return {
    status: () => state,
    caughtUp: async () => {
      const seq = await log.lastSeq();
      if (state === 'stopped') throw new Error('The process managers are stopped.');
      await handledWaiters.until(seq);
    },
    stop: async () => {
      state = 'stopped';
      abort.abort();
      release();
      await done;
    },
  };
}
