import { createStore, type StoreApi } from 'zustand/vanilla';
import { isFinal, openEventStore, type EventStore, type StoreHealth } from '../eventstore/index.ts';
import { KEYFRAMES } from '../replay/index.ts';
import { ledgerProjections, type DecisionsState } from '../domain/index.ts';
import { createCommandHandler, type DispatchOptions, type DispatchResult } from './commands/commandHandler.ts';
import { startProcessManagers, type ProcessManagerRunner } from './processes/runner.ts';
import { branchCommands } from './whatif/branchCommands.ts';
import { ViewingPastError } from './errors.ts';
import { electLeader, type Leadership } from './locks/leadership.ts';
import { imageDecisions } from './image/imageDecisions.ts';
import { createMemoryImage, type MemoryImage } from './image/memoryImage.ts';
import { exposeForTests } from './testHook.ts';
import { createTimeTravel, type TimeTravel } from './timetravel/timeTravel.ts';
import { createWhatIfBranch, type WhatIfBranch } from './whatif/whatIfBranch.ts';
import { ledgerQueries, type LedgerQueries } from './queries/ledgerQueries.ts';
import { ledgerFiles, type LedgerFiles } from './files.ts';
import { currentShapes } from './currentShapes.ts';
import type { SavedScenarios } from './whatif/savedScenarios.ts';
import { createLedgerSync } from './sync/ledgerSync.ts';
import { LATER_READ_MODELS } from './laterReadModels.ts';
import type { LedgerSync } from './sync/types.ts';
import { webLockRequest, type LockRequest } from './locks/locks.ts';
import { systemClock } from './systemSources.ts';

export interface LedgerOptions {
  /** The IndexedDB database name. */
  name?: string;
  snapshotEvery?: number;
  /** Tests run without process managers or leader election. */
  runProcessManagers?: boolean;
  /**
   * Takes in a log that a device's first download of a sync space switched
   * under this ledger: the page closes it and opens the new log (main.tsx).
   * Without it, the page reloads.
   */
  reopen?: () => void;
}

/** Everything the screens talk to, wired together once per tab. */
export interface Ledger {
  /**
   * The log as stored, for the application layer and tests: the screens read
   * through `queries`, `files` and `scenarios`, and everything but the files
   * code reads it through `currentShapes`.
   */
  readonly eventStore: EventStore;
  readonly image: MemoryImage;
  readonly travel: TimeTravel;
  readonly branch: WhatIfBranch;
  /** Whether this tab can still save (and why not), for the status banners: see StoreHealth. */
  readonly health: StoreApi<StoreHealth>;
  /**
   * Runs a command: against the what-if branch when one is open (nothing is
   * written), refused while viewing the past, otherwise against the real log.
   * Resolves once the events are durable and visible in the memory image.
   */
  dispatch(command: unknown, options?: DispatchOptions): Promise<DispatchResult>;
  /** What the screens read of the log beyond the memory image: event pages, searches, account histories. */
  readonly queries: LedgerQueries;
  /** Export, import, the backup an import leaves, and what-if scenario files. */
  readonly files: LedgerFiles;
  readonly scenarios: SavedScenarios;
  /** Sync with a server, opt-in per ledger: off until the person creates or joins a space. */
  readonly sync: LedgerSync;
  /** Appends a year of sample data to the empty log; `onCount` hears how many events first. */
  loadSample(onCount: (events: number) => void): Promise<number>;
  close(): Promise<void>;
}

const reload = () => globalThis.location?.reload();

export async function openLedger(options: LedgerOptions = {}): Promise<Ledger> {
  // With 'rewind:image-ready' (memoryImage.ts) this splits a reload into page load, opening the log and the replay.
  globalThis.performance?.mark?.('rewind:log-opening');
  const eventStore = await openEventStore({ name: options.name ?? 'rewind', keyframes: KEYFRAMES });
  // Older events in their current shape for everything that reads them; export and import see them as stored.
  const log = currentShapes(eventStore);
  const projections = ledgerProjections;
  const snapshots: Leadership = electLeader('rewind-snapshots');
  const image = createMemoryImage({
    eventStore: log,
    projections,
    later: LATER_READ_MODELS,
    snapshotEvery: options.snapshotEvery,
    mayWriteSnapshots: snapshots.isLeader,
  });
  const travel = createTimeTravel({ eventStore: log, projections, liveSeq: () => image.getState().seq, later: LATER_READ_MODELS });
  const branch = createWhatIfBranch({
    eventStore: log,
    projections,
    live: () => {
      const now = image.getState();
      return now.status === 'ready' ? now : undefined;
    },
  });
  // One writer per tab: commands are decided on the memory image and written a turn at a time.
  const handler = createCommandHandler({ log, decisions: imageDecisions(image, log) });
  const inBranch = createCommandHandler(branchCommands(branch, log));
  const sync = createLedgerSync(eventStore, {
    clock: systemClock,
    decisions: async () => {
      await image.reached(await eventStore.lastSeq());
      return image.getState().states.decisions as DecisionsState;
    },
    reload,
    reopen: options.reopen ?? reload,
    appUrl: () => globalThis.location?.href ?? '',
  });
  let managers: ProcessManagerRunner | undefined;
  if (options.runProcessManagers !== false) {
    // The tab that runs the process managers also runs sync, so it knows which events came from the server.
    const base: LockRequest = webLockRequest() ?? ((_name, _signal, whileHeld) => whileHeld());
    const lock: LockRequest = (name, signal, whileHeld) =>
      base(name, signal, async () => {
        sync.lead();
        try {
          await whileHeld();
        } finally {
          sync.unlead();
        }
      });
    managers = startProcessManagers({ log, lock, remoteEvents: () => sync.remoteEvents() });
  } else sync.lead();

  const health = createStore<StoreHealth>(() => eventStore.health());
  const stopHealth = eventStore.onHealthChange((next) => {
    health.setState(next, true);
    // This tab can no longer write to the live log: let another tab run the managers and write snapshots.
    if (isFinal(next)) {
      void managers?.stop();
      void sync.close();
      snapshots.resign();
    }
  });

  // On phones a hidden page may be killed without warning: save the image while we can.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void image.snapshotNow();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHidden);

  async function dispatch(command: unknown, dispatchOptions?: DispatchOptions): Promise<DispatchResult> {
    const { plan, result } = branch.getState();
    if (plan && result) return inBranch.dispatch(command, dispatchOptions);
    if (travel.getState().past) throw new ViewingPastError();
    return handler.dispatch(command, dispatchOptions);
  }

  // Saved scenarios load with the what-if screens that use them, off the boot path.
  const scenarios = async () => (await import('./whatif/savedScenarios.ts')).savedScenarios(log);

  // Not awaiting image.ready: the boot screen shows the replay's progress meanwhile.
  const ledger: Ledger = {
    eventStore,
    image,
    travel,
    branch,
    health,
    dispatch,
    sync,
    queries: ledgerQueries(log),
    files: ledgerFiles(eventStore, { travel, branch }),
    scenarios: {
      list: async () => (await scenarios()).list(),
      save: async (scenario) => (await scenarios()).save(scenario),
      remove: async (id) => (await scenarios()).remove(id),
    },
    // The sample generator loads with the first click on "Load sample data".
    loadSample: async (onCount) => (await import('./sample/loadSample.ts')).loadSample(eventStore, onCount),
    close: async () => {
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHidden);
      await managers?.stop();
      await sync.close();
      image.stop();
      snapshots.resign();
      stopHealth();
      eventStore.close();
    },
  };
  exposeForTests(ledger);
  return ledger;
}
