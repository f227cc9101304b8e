import { WrongExpectedVersionError, type EventStore, type StoredEvent } from '../../eventstore/index.ts';
import type { Clock } from '../../domain/random.ts';
import { followLive, pullEvents, pushCommits, SyncServerError, SyncUnreachableError, type PullPage } from './syncApi.ts';
import { PROCESS_MANAGER_CHECKPOINTS } from '../../domain/index.ts';
import { confirmedTo, isPending, isPulled, waitingCount, withoutHandled, withPulled, writeSettings, type SyncSettings } from './syncState.ts';
import { batchesOf, commitsOf, type PulledEvent, type WireEvent } from './wire.ts';
import { wireEnvelopeProblem } from '../../domain/sync/wireEvent.ts';
import { readWindow, requestsOf } from './pushRequests.ts';
import { badEventFromServer, firstPull, refusedByRules } from './firstPull.ts';
import type { SyncStatus } from './types.ts';

export interface SyncEngineOptions {
  /** The log as stored: pushes send events byte for byte, pulls append them as the server has them. */
  store: EventStore;
  settings: SyncSettings;
  clock: Clock;
  setStatus(patch: Partial<SyncStatus>): void;
  /** Replaces the log by the server's events plus this device's pending commands decided again (rebase.ts), then reloads. */
  rebase(settings: SyncSettings, remote: PulledEvent[], dropIds: ReadonlySet<string>): Promise<void>;
  /** The log was switched for the space's whole ledger (firstPull.ts): the ledger is opened again on it. */
  replaced(): void;
  /** The first rule pulled events break, judged on top of this device's state; the server is trusted with the secret, not with the rules. */
  judge(events: readonly WireEvent[]): Promise<{ rule: string; message: string } | undefined>;
}

export interface SyncEngine {
  /** Pushes and pulls now; resolves when both have run. */
  syncNow(): Promise<void>;
  /** Whether the event at this seq came from the server (process managers leave those to the device that recorded them). */
  isRemote(event: StoredEvent): boolean;
  stop(): Promise<void>;
}

const PULL_LIMIT = 2000;
const MAX_RETRY_MS = 30_000;

/** Server answers that no retry will change: the person has to act. */
const isFinalRefusal = (error: unknown) => error instanceof SyncServerError && [0, 401, 403, 404, 413, 422].includes(error.status);

/**
 * One device's sync with its space, run by the tab that leads (it also runs
 * the process managers): follows the server live, appends what other devices
 * recorded, pushes what this device records, and on a conflict hands over to
 * the rebase. Every step runs one at a time, in order.
 */
export function startSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, clock, setStatus } = options;
  let settings = options.settings;
  const access = { server: settings.server, spaceId: settings.spaceId, secret: settings.secret };
  const abort = new AbortController();
  /** Ids being appended from the server right now, before their seqs are known. */
  const arriving = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  let failures = 0;
  /** The log is being replaced (a rebase, or the first download): nothing more runs here; the page reloads, or opens the ledger again. */
  let replacing = false;

  const serially = (step: () => Promise<void>): Promise<void> => {
    const run = queue.then(() => (stopped || replacing ? undefined : step()));
    queue = run.catch(() => undefined);
    return run;
  };

  const save = async (next: SyncSettings) => {
    settings = next;
    if (settings.pulled.length > 0) {
      const handled = Math.min(...(await Promise.all(PROCESS_MANAGER_CHECKPOINTS.map((name) => store.getCheckpoint(name)))));
      settings = withoutHandled(settings, handled);
    }
    await writeSettings(store, settings, clock());
  };

  /** Whether the server answered the last time it was asked. */
  let online = false;
  /** Tells the screens how sync stands; `reachable` when the server just answered (true) or could not be reached (false). */
  const report = async (reachable?: boolean) => {
    if (reachable !== undefined) online = reachable;
    const waiting = waitingCount(settings, await store.lastSeq());
    const phase = online ? (waiting > 0 ? 'sending' : 'synced') : 'offline';
    setStatus({ phase, waiting, ...(reachable === true && { lastContact: clock().toISOString(), error: undefined }) });
  };

  /** Appends a page of pulled events; a stream this device also changed meanwhile starts the rebase. */
  async function applyPage(page: PullPage, rest: () => Promise<PulledEvent[]>): Promise<boolean> {
    if (page.events.length === 0) {
      if (page.last > settings.position) await save({ ...settings, position: page.last });
      return true;
    }
    for (const p of page.events) {
      const problem = wireEnvelopeProblem(p?.event, 'event');
      if (problem) throw badEventFromServer(problem, p?.event);
    }
    const held = await store.hasIds(page.events.map((p) => p.event.meta.id));
    const fresh = page.events.filter((p) => !held.has(p.event.meta.id));
    if (fresh.length > 0) {
      const batches = batchesOf(fresh.map((p) => p.event));
      const versions = await store.streamVersions(batches.map((b) => b.stream));
      const moved = batches.some((b, i) => versions[i] !== b.expectedVersion);
      if (moved) return conflict(page.events.concat(await rest()), new Set());
      const violation = await options.judge(fresh.map((p) => p.event));
      if (violation) throw refusedByRules(violation.rule, violation.message);
      for (const p of fresh) arriving.add(p.event.meta.id);
      try {
        const results = await store.appendMany(batches);
        const first = Math.min(...results.map((r) => r.firstSeq));
        const last = Math.max(...results.map((r) => r.lastSeq));
        const everythingHere = waitingCount(settings, first - 1) === 0;
        const next = { ...settings, position: page.last, pulled: withPulled(settings.pulled, first, last) };
        await save(everythingHere ? confirmedTo(next, last) : next);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) return conflict(page.events.concat(await rest()), new Set());
        throw error;
      } finally {
        for (const p of fresh) arriving.delete(p.event.meta.id);
      }
    } else {
      await save({ ...settings, position: page.last });
    }
    return true;
  }

  async function conflict(remote: PulledEvent[], dropIds: ReadonlySet<string>): Promise<boolean> {
    replacing = true;
    setStatus({ phase: 'connecting' });
    await options.rebase(settings, remote, dropIds);
    return false;
  }

  /** Every page after the given one, for a rebase that needs all that arrived. */
  const remainingAfter = (page: PullPage) => async (): Promise<PulledEvent[]> => {
    const events: PulledEvent[] = [];
    let after = page.last;
    let more = page.more;
    while (more) {
      const next = await pullEvents(access, after, PULL_LIMIT, abort.signal);
      events.push(...next.events);
      after = next.last;
      more = next.more;
    }
    return events;
  };

  async function pull(): Promise<boolean> {
    if (settings.position === 0 && settings.confirmedThrough === 0 && (await firstPull(store, settings, clock, abort.signal))) {
      replacing = true;
      options.replaced();
      return false;
    }
    for (;;) {
      const page = await pullEvents(access, settings.position, PULL_LIMIT, abort.signal);
      if (!(await applyPage(page, remainingAfter(page)))) return false;
      if (!page.more) return true;
    }
  }

  /** Sends this device's pending events, oldest first; false once a conflict handed over to the rebase. */
  async function push(): Promise<boolean> {
    for (;;) {
      const after = await readWindow(store, settings.confirmedThrough + 1);
      if (after.length === 0) return true;
      const pending = after.filter((e) => isPending(settings, e.meta.seq));
      for (const request of requestsOf(commitsOf(pending))) {
        try {
          await pushCommits(access, settings.deviceName, request, abort.signal);
        } catch (error) {
          if (!(error instanceof SyncServerError) || error.status !== 409) throw error;
          if (error.code === 'DUPLICATE_EVENT_ID') {
            // A reaction this device recorded to an event another device also handled: the server's copy stands.
            const commitId = (error.body.error as { commitId?: string } | undefined)?.commitId;
            const dropped = request.find((c) => c.id === commitId)?.events.map((e) => e.meta.id) ?? [];
            return conflict(await remainingAfter({ events: [], last: settings.position, more: true })(), new Set(dropped));
          }
          // Another device changed one of these streams first: take what it recorded, then decide again.
          return pull();
        }
      }
      await save(confirmedTo(settings, after[after.length - 1]!.meta.seq));
    }
  }

  async function cycle(): Promise<void> {
    try {
      if (settings.confirmedThrough === 0 && settings.position === 0) setStatus({ phase: 'connecting' });
      if ((await pull()) && (await push())) {
        failures = 0;
        await report(true);
        wakeLive();
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      failures += 1;
      if (isFinalRefusal(error)) return refused(error as SyncServerError);
      if (!(error instanceof SyncUnreachableError)) console.error('Sync failed', error);
      await report(false);
      throw error;
    }
  }

  /** The server refused this device, or sent what the rules refuse: nothing more is tried until the person acts. */
  const refused = ({ code, message }: SyncServerError) => setStatus({ phase: 'attention', error: { code, message } });

  const syncNow = () => serially(cycle);
  const isRemote = (event: StoredEvent) => arriving.has(event.meta.id) || isPulled(settings, event.meta.seq);

  // What this device records is pushed as soon as it is stored.
  let pushSoon: ReturnType<typeof setTimeout> | undefined;
  const stopFollowingLocal = followLocalAppends(store, (events) => {
    if (events.every(isRemote)) return;
    void report().catch(() => undefined);
    clearTimeout(pushSoon);
    pushSoon = setTimeout(() => void syncNow().catch(() => undefined), 0);
  });

  // The pause before the live stream reconnects; ended early when the device is back online or a sync got through.
  let wakeLive = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeLive = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Follows the space live; reconnects after a pause that grows while the server stays away. */
  async function live(): Promise<void> {
    while (!stopped) {
      try {
        await syncNow();
        await followLive(access, settings.position, (page) => serially(async () => {
          if (await applyPage(page, remainingAfter(page))) await report(true);
        }), abort.signal);
      } catch (error) {
        if (stopped) return;
        if (isFinalRefusal(error)) return refused(error as SyncServerError);
      }
      if (stopped) return;
      await report(false).catch(() => undefined);
      await pause(Math.min(MAX_RETRY_MS, 500 * 2 ** Math.min(failures, 6)));
    }
  }
  void live();

  // The event can come before the network answers again: the backoff starts over, so a failed first try is retried within a second.
  const onOnline = () => {
    failures = 0;
    wakeLive();
    void syncNow().catch(() => undefined);
  };
  globalThis.addEventListener?.('online', onOnline);

  return {
    syncNow,
    isRemote,
    stop: async () => {
      stopped = true;
      abort.abort();
      wakeLive();
      clearTimeout(pushSoon);
      stopFollowingLocal();
      globalThis.removeEventListener?.('online', onOnline);
      await queue;
    },
  };
}

/** Calls `onAppend` whenever events are appended to the log after now, by this tab or another. */
function followLocalAppends(store: EventStore, onAppend: (events: StoredEvent[]) => void): () => void {
  let stop = () => {};
  void store.lastSeq().then((seq) => {
    stop = store.subscribe(seq + 1, onAppend, () => {});
  });
  return () => stop();
}
