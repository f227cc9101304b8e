import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  EventStoreClosedError,
  LogReplacedError,
  StorageFullError,
  StorageUnavailableError,
  isConnectionFault,
  type EventStore,
  type StoredEvent,
} from '../../eventstore/index.ts';
import {
  foldInto,
  ReplayError,
  saveSnapshots,
  SnapshotPolicy,
  statesOf,
  type AnyProjection,
  type Cursors,
  type ReplayProgress,
  type StatesOf,
} from '../../replay/index.ts';
import { SeqWaiters } from '../../lib/seqWaiters.ts';
import { bootReplay } from './bootReplay.ts';

export type ImageStatus = 'booting' | 'ready' | 'failed';

/** How the last boot went, for the diagnostics panel and the reload tests. */
export interface BootInfo {
  /** The oldest snapshot seq the boot resumed from (0 when it replayed from the first event). */
  fromSeq: number;
  /** Events replayed on top of the snapshots. */
  replayed: number;
  ms: number;
}

export interface ImageState {
  status: ImageStatus;
  progress: ReplayProgress;
  /** Every event up to this seq is in `states`. */
  seq: number;
  states: StatesOf;
  boot?: BootInfo;
  error?: { message: string; seq?: number };
}

export interface MemoryImageOptions {
  eventStore: EventStore;
  projections: readonly AnyProjection[];
  /** Snapshot every N applied events (default 1000). */
  snapshotEvery?: number;
  /** Only one tab should write snapshots; the others ask this and get false. */
  mayWriteSnapshots?: () => boolean;
  /** For boot timing only; replay itself never reads the clock. */
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** The image is a Zustand store of its state (getState, subscribe), with its life cycle beside. */
export interface MemoryImage extends StoreApi<ImageState> {
  /** Resolves once the image is ready (or failed: see `getState().status`). */
  readonly ready: Promise<void>;
  /** Resolves once the image holds every event through `seq`, or has failed or stopped and never will. */
  reached(seq: number): Promise<void>;
  /** Saves snapshots of the current state if anything changed since the last one. */
  snapshotNow(): Promise<void>;
  stop(): void;
}

/**
 * Trouble with the storage rather than with the log: the event store reports it
 * (see EventStore.health) and the image keeps showing what it has.
 */
function isStorageTrouble(error: unknown): boolean {
  return (
    error instanceof StorageUnavailableError ||
    error instanceof EventStoreClosedError ||
    error instanceof LogReplacedError ||
    isConnectionFault(error)
  );
}

/** How long the log stays quiet before a due snapshot is written. */
const QUIET_MS = 300;
/** A snapshot this many times `snapshotEvery` overdue is written in the next task, quiet or not. */
const OVERDUE_FACTOR = 10;

/**
 * The memory image: every projection's state held in a Zustand store, rebuilt
 * on load from the newest valid snapshots plus the events after them, then kept
 * current by a live subscription (which also sees other tabs' appends). It is
 * never the source of truth: dropping it and replaying gives the same state.
 * Once booted it stays readable whatever happens to the storage: a failed read
 * of new events leaves it as it was, and the next wake of the subscription
 * tries again.
 */
export function createMemoryImage(options: MemoryImageOptions): MemoryImage {
  const { eventStore, projections } = options;
  const now = options.now ?? (() => performance.now());
  const mayWrite = options.mayWriteSnapshots ?? (() => true);
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const state = createStore<ImageState>(() => ({
    status: 'booting',
    progress: { done: 0, total: 0 },
    seq: 0,
    states: statesOf(Object.fromEntries(projections.map((p) => [p.name, { seq: 0, state: p.initial }]))),
  }));
  let cursors: Cursors | undefined;
  let policy: SnapshotPolicy | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  let saving: Promise<void> = Promise.resolve();

  const snapshotNow = (): Promise<void> => {
    const seq = state.getState().seq;
    if (!cursors || !policy || !policy.dirty(seq) || !mayWrite()) return saving;
    const frozen: Cursors = Object.fromEntries(Object.entries(cursors).map(([k, c]) => [k, { ...c }]));
    policy.saved(seq);
    saving = saving.then(() => saveSnapshots(eventStore, projections, frozen, onSnapshotError));
    return saving;
  };

  const onSnapshotError = (error: unknown) => {
    if (isStorageTrouble(error) || error instanceof StorageFullError) console.warn('Snapshot not saved.', error);
    else onError(error);
  };

  const onLiveError = (error: unknown) => {
    if (!isStorageTrouble(error)) return fail(error);
    console.warn('New events could not be read; the ledger keeps showing what it has.', error);
  };

  const apply = (events: StoredEvent[]) => {
    if (!cursors || stopped) return;
    try {
      foldInto(projections, cursors, events);
    } catch (error) {
      fail(error);
      return;
    }
    state.setState({ seq: events[events.length - 1]!.meta.seq, states: statesOf(cursors) });
    if (policy?.due(state.getState().seq)) snapshotWhenQuiet();
  };

  // Writing a snapshot encodes every read model on the main thread, so a due one waits until the log has
  // been quiet for a moment: a burst of commands is never held up by it. A log that never pauses still gets
  // one every OVERDUE_FACTOR x snapshotEvery events, in the next task, after the commands that made it due settle.
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let overdueSoon = false;
  const snapshotWhenQuiet = () => {
    const overdue = policy?.due(state.getState().seq, OVERDUE_FACTOR) === true;
    // Already set for the next task: pushing it back on every commit could starve it.
    if (overdue && overdueSoon) return;
    clearTimeout(quietTimer);
    overdueSoon = overdue;
    quietTimer = setTimeout(
      () => {
        quietTimer = undefined;
        overdueSoon = false;
        if (!stopped) void snapshotNow();
      },
      overdue ? 0 : QUIET_MS,
    );
  };

  const fail = (error: unknown) => {
    unsubscribe?.();
    const seq = error instanceof ReplayError ? error.seq : undefined;
    state.setState({ status: 'failed', error: { message: error instanceof Error ? error.message : String(error), seq } });
    onError(error);
  };

  const ready = (async () => {
    const started = now();
    globalThis.performance?.mark?.('rewind:image-booting');
    try {
      const result = await bootReplay(eventStore, projections, {
        onProgress: (progress) => state.setState({ progress }),
        onSnapshotIgnored: (name, reason) => console.warn(`Snapshot of ${name} ignored; rebuilding from events.`, reason),
      });
      if (stopped) return;
      cursors = result.cursors;
      const { fromSeq } = result;
      policy = new SnapshotPolicy(options.snapshotEvery ?? 1000, fromSeq);
      state.setState({
        status: 'ready',
        seq: result.seq,
        states: result.states,
        boot: { fromSeq, replayed: result.seq - fromSeq, ms: Math.round(now() - started) },
      });
      // Benchmarks and the boot screen measure page load to this mark.
      globalThis.performance?.mark?.('rewind:image-ready', { detail: { seq: result.seq, fromSeq } });
      // A long replay is worth saving at once, so the next load does not repeat it.
      if (policy.due(result.seq)) void snapshotNow();
      // Snapshots of read models since removed or changed (an update of the app) are dead weight on disk.
      if (mayWrite())
        void eventStore
          .pruneSnapshots(projections.map((p) => ({ name: p.name, version: p.version })))
          .catch((error: unknown) => console.warn('Old snapshots could not be deleted.', error));
      unsubscribe = eventStore.subscribe(result.seq + 1, apply, onLiveError);
    } catch (error) {
      fail(error);
    }
  })();

  const waiters = new SeqWaiters(() => state.getState().seq);
  // A failed or stopped image will never reach a seq: let whoever waits for one go.
  const never = () => stopped || state.getState().status === 'failed';
  const release = () => (never() ? waiters.releaseAll() : waiters.wake());
  state.subscribe(release);
  const reached = (seq: number) => (never() ? Promise.resolve() : waiters.until(seq));

  return {
    ...state,
    ready,
    reached,
    snapshotNow,
    stop: () => {
      stopped = true;
      clearTimeout(quietTimer);
      unsubscribe?.();
      release();
    },
  };
}
