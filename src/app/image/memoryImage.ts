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
  checkBatch,
  foldInto,
  REPLAY_BATCH,
  ReplayError,
  saveSnapshots,
  SnapshotPolicy,
  statesOf,
  type AnyProjection,
  type Cursors,
  type ReplayProgress,
  type ReplayResult,
  type StatesOf,
} from '../../replay/index.ts';
import { SeqWaiters } from '../../lib/seqWaiters.ts';
import { bootReplay } from './bootReplay.ts';
import { afterNextPaint } from '../../lib/afterNextPaint.ts';

/** 'partial': the read models the first screen shows are in, the others (`pending`) still loading. */
export type ImageStatus = 'booting' | 'partial' | 'ready' | 'failed';

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
  /** While 'partial', reading a pending read model from here throws: wait for `ready`. */
  states: StatesOf;
  /** The read models still loading (while 'partial'); empty once ready. */
  pending: readonly string[];
  boot?: BootInfo;
  error?: { message: string; seq?: number };
}

export interface MemoryImageOptions {
  eventStore: EventStore;
  projections: readonly AnyProjection[];
  /**
   * Read models no first screen shows (the largest): loaded right after the others, while the first screen
   * renders. Until they are in, the image is 'partial' and `ready`, `reached` and snapshots wait.
   */
  later?: readonly string[];
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
  /** Resolves once the image is ready, every read model in (or failed: see `getState().status`). */
  readonly ready: Promise<void>;
  /** Resolves once the whole image holds every event through `seq`, or has failed or stopped and never will. */
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
 * on load from the newest valid snapshots plus the events after them (the
 * first screen's read models first, those in `later` after that screen's
 * frame), then kept current by a live subscription (which also sees other
 * tabs' appends). It is
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
  const later = new Set(options.later);
  const firstScreen = projections.filter((p) => !later.has(p.name));
  const afterwards = projections.filter((p) => later.has(p.name));
  const state = createStore<ImageState>(() => ({
    status: 'booting',
    progress: { done: 0, total: 0 },
    seq: 0,
    states: statesOf(Object.fromEntries(projections.map((p) => [p.name, { seq: 0, state: p.initial }]))),
    pending: [],
  }));
  /** The projections `cursors` holds and live events are folded into: the first screen's until the others are in. */
  let loaded: readonly AnyProjection[] = firstScreen;
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
      foldInto(loaded, cursors, events);
    } catch (error) {
      fail(error);
      return;
    }
    state.setState({ seq: events[events.length - 1]!.meta.seq, states: shownStates(cursors, state.getState().pending) });
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

  /** Done booting: every read model in, snapshots and the live subscription under way. */
  const whole = (cursorsNow: Cursors, seq: number, fromSeq: number, started: number) => {
    cursors = cursorsNow;
    loaded = projections;
    policy = new SnapshotPolicy(options.snapshotEvery ?? 1000, fromSeq);
    state.setState({ status: 'ready', seq, states: statesOf(cursors), pending: [], boot: { fromSeq, replayed: seq - fromSeq, ms: Math.round(now() - started) } });
    // Benchmarks and the boot screen measure page load to this mark.
    globalThis.performance?.mark?.('rewind:image-ready', { detail: { seq, fromSeq } });
    // A long replay is worth saving at once, so the next load does not repeat it.
    if (policy.due(seq)) void snapshotNow();
    // Snapshots of read models since removed or changed (an update of the app) are dead weight on disk.
    if (mayWrite())
      void eventStore
        .pruneSnapshots(projections.map((p) => ({ name: p.name, version: p.version })))
        .catch((error: unknown) => console.warn('Old snapshots could not be deleted.', error));
  };

  /**
   * The read models left for later, loaded once the first screen has had its frame, then brought up to the
   * events the image took meanwhile (the live subscription folds those into the first screen's only).
   */
  const loadLater = async (head: ReplayResult, started: number) => {
    // Stopped, or failed on a live event meanwhile: nothing more to load.
    const over = () => stopped || state.getState().status === 'failed';
    await afterNextPaint();
    if (over()) return;
    const rest = await bootReplay(eventStore, afterwards, { toSeq: state.getState().seq, onSnapshotIgnored });
    let seq = rest.seq;
    while (!over() && seq < state.getState().seq) {
      const events = await eventStore.readAll({ fromSeq: seq + 1, toSeq: state.getState().seq, limit: REPLAY_BATCH });
      checkBatch(events, seq + 1);
      foldInto(afterwards, rest.cursors, events);
      seq = events[events.length - 1]!.meta.seq;
    }
    if (over()) return;
    whole({ ...head.cursors, ...rest.cursors }, seq, Math.min(head.fromSeq, rest.fromSeq), started);
  };

  const onSnapshotIgnored = (name: string, reason: unknown) => console.warn(`Snapshot of ${name} ignored; rebuilding from events.`, reason);

  const ready = (async () => {
    const started = now();
    globalThis.performance?.mark?.('rewind:image-booting');
    try {
      const head = await bootReplay(eventStore, firstScreen, { onProgress: (progress) => state.setState({ progress }), onSnapshotIgnored });
      if (stopped) return;
      if (afterwards.length === 0) {
        whole(head.cursors, head.seq, head.fromSeq, started);
      } else {
        cursors = head.cursors;
        const pending = afterwards.map((p) => p.name);
        state.setState({ status: 'partial', seq: head.seq, states: shownStates(cursors, pending), pending });
        // What the first screen needs is in: the boot screen gives way here (the reload benchmarks measure to it).
        globalThis.performance?.mark?.('rewind:first-screen', { detail: { seq: head.seq, fromSeq: head.fromSeq } });
      }
      unsubscribe = eventStore.subscribe(head.seq + 1, apply, onLiveError);
      if (afterwards.length > 0) await loadLater(head, started);
    } catch (error) {
      fail(error);
    }
  })();

  // Only the whole image counts as having reached a seq: whoever waits reads every read model next.
  const waiters = new SeqWaiters(() => (state.getState().status === 'ready' ? state.getState().seq : 0));
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

/** The states of the read models in `cursors`, with each pending one a property that says so when read. */
function shownStates(cursors: Cursors, pending: readonly string[]): StatesOf {
  const states = statesOf(cursors);
  for (const name of pending)
    Object.defineProperty(states, name, {
      enumerable: false,
      get: () => {
        throw new Error(`The ${name} read model is still loading: wait for the memory image to be ready.`);
      },
    });
  return states;
}
