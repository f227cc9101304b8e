import type { StoreHealth, StoredEvent } from '../eventstore/index.ts';
import type { StatesOf } from '../replay/index.ts';
import type { ImageStatus } from './image/memoryImage.ts';
import type { Ledger } from './ledger.ts';
import type { SyncStatus } from './sync/types.ts';

/** What a dispatch through the hook answers: plain data, so it crosses from the page to the test. */
export type TestDispatchResult =
  | { ok: true; attempts: number; events: { id: string; seq: number; stream: string; type: string }[] }
  | { ok: false; name: string; code?: string; message: string };

/**
 * `window.__rewindTest`, for browser tests that need thousands of commands in
 * seconds (docs/reliability.md). It goes through the very same dispatch as the
 * forms. It exists only when the page's address has `?e2e`; nobody using the
 * app needs it or sees it.
 */
export interface RewindTestHook {
  dispatch(command: unknown): Promise<TestDispatchResult>;
  state(): { status: ImageStatus; seq: number; health: StoreHealth; states: StatesOf };
  /** Every event of the log as the app reads it (current shapes), so a test can work out what a screen should show. */
  log(): Promise<StoredEvent[]>;
  /** Sync as the Sync panel drives it, for the multi-device tests; errors come back as their message. */
  sync: {
    status(): SyncStatus;
    createSpace(server: string, deviceName: string): Promise<string | undefined>;
    joinSpace(link: string, deviceName: string): Promise<string | undefined>;
    pairingLink(): string | undefined;
    syncNow(): Promise<string | undefined>;
  };
}

/** Runs an action, answering its error's message (or undefined), so the outcome crosses to the test as data. */
const outcome = (action: Promise<void>): Promise<string | undefined> =>
  action.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

declare global {
  interface Window {
    __rewindTest?: RewindTestHook;
  }
}

export function exposeForTests(ledger: Ledger): void {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('e2e')) return;
  window.__rewindTest = {
    dispatch: async (command) => {
      try {
        const { events, attempts } = await ledger.dispatch(command);
        return { ok: true, attempts, events: events.map((e) => ({ id: e.meta.id, seq: e.meta.seq, stream: e.meta.stream, type: e.type })) };
      } catch (error) {
        const { name = 'Error', message = String(error), code } = error as { name?: string; message?: string; code?: string };
        return { ok: false, name, code, message };
      }
    },
    state: () => {
      const { status, seq, states } = ledger.image.getState();
      return { status, seq, health: ledger.health.getState(), states };
    },
    log: () => ledger.eventStore.readAll(),
    sync: {
      status: () => ledger.sync.status.getState(),
      createSpace: (server, deviceName) => outcome(ledger.sync.createSpace(server, deviceName)),
      joinSpace: (link, deviceName) => outcome(ledger.sync.joinSpace(link, deviceName)),
      pairingLink: () => ledger.sync.pairingLink(),
      syncNow: () => outcome(ledger.sync.syncNow()),
    },
  };
}
