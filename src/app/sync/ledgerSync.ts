import { createStore } from 'zustand/vanilla';
import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import type { Clock } from '../../domain/random.ts';
import type { DecisionsState } from '../../domain/readModels/decisions.ts';
import { clearSettings, deleteConflict, isPulled, readConflicts, readSettings, writeSettings, type SyncSettings } from './syncState.ts';
import { pairingLink, parsePairingLink } from './pairingLink.ts';
import { MAX_DEVICE_NAME } from '../../domain/sync/protocol.ts';
import type { LedgerSync, SyncStatus } from './types.ts';
import type { SyncEngine } from './syncEngine.ts';

/** The Ledger's sync: what the screens use, plus what the tab's runtime needs to run it in one tab. */
export interface SyncHost extends LedgerSync {
  /** This tab leads (it holds the process managers' lock): it runs the engine while the ledger is in a space. */
  lead(): void;
  unlead(): void;
  /**
   * Says (once the settings are read) whether a stored event came from the
   * server: the device that recorded it runs the process managers on it.
   */
  remoteEvents(): Promise<(event: StoredEvent) => boolean>;
  close(): Promise<void>;
}

export interface LedgerSyncOptions {
  clock: Clock;
  /** The decision state with every stored event in it: pulled events are judged by the ledger's rules on top of it. */
  decisions(): Promise<DecisionsState>;
  /** After a rebase replaced the log: the page reloads, as after an import. */
  reload(): void;
  /** After a first download switched the empty log for the space's (firstPull.ts): the ledger is opened again on it. */
  reopen(): void;
  /** The app's address, which a pairing link starts with. */
  appUrl(): string;
}

const OFF: SyncStatus = { phase: 'off', waiting: 0, conflicts: [] };

function checkDeviceName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DEVICE_NAME || /[\r\n]/.test(trimmed))
    throw new Error(`Give this device a name of 1 to ${MAX_DEVICE_NAME} characters on one line, such as "Phone" or "Laptop".`);
  return trimmed;
}

/**
 * Sync as the screens see it. The network code loads only once the ledger is
 * in a space (or joins one), so a ledger without sync boots as before; the tab
 * that leads runs it and tells the other tabs how it stands.
 */
export function createLedgerSync(store: EventStore, options: LedgerSyncOptions): SyncHost {
  const status = createStore<SyncStatus>(() => OFF);
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`rewind-sync:${store.name}`);
  let settings: SyncSettings | undefined;
  let engine: SyncEngine | undefined;
  let starting: Promise<void> | undefined;
  let leading = false;
  let closed = false;

  const setStatus = (patch: Partial<SyncStatus>) => {
    status.setState(patch);
    if (leading) channel?.postMessage({ status: status.getState() });
  };

  async function refresh(): Promise<void> {
    settings = await readSettings(store);
    const conflicts = await readConflicts(store);
    if (!settings) return setStatus({ ...OFF, conflicts });
    const { server, spaceId, deviceName } = settings;
    setStatus({ server, spaceId, deviceName, conflicts, ...(status.getState().phase === 'off' && { phase: 'connecting' }) });
  }

  async function stopEngine(): Promise<void> {
    const running = engine;
    engine = undefined;
    await starting;
    await running?.stop();
  }

  async function startEngine(): Promise<void> {
    if (!leading || closed || !settings || engine) return;
    const { startSyncEngine } = await import('./syncEngine.ts');
    if (!leading || closed || !settings || engine) return;
    engine = startSyncEngine({
      store,
      settings,
      clock: options.clock,
      setStatus,
      replaced: () => options.reopen(),
      judge: async (events) => {
        // The rules load with the engine's first pull of other devices' events, off the boot path.
        const { LedgerRules } = await import('../../domain/accounts/ledgerRules.ts');
        const rules = new LedgerRules(await options.decisions());
        // No check at the end: a page may end between a transfer's two halves, and the next page brings the other.
        for (const event of events) {
          const violation = rules.admit(event);
          if (violation) return violation;
        }
        return undefined;
      },
      rebase: async (current, remote, dropIds) => {
        try {
          await (await import('./rebase.ts')).rebase(store, current, remote, dropIds, options.clock());
          options.reload();
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          // A command landed, or an import ran, while the new log was built: build it again on what is there now,
          // once this step of the engine has ended (stopping the engine waits for its steps).
          if (code === 'LOG_CHANGED' || code === 'IMPORT_IN_PROGRESS') return void setTimeout(() => void restart(), 0);
          console.error('Sync could not take in what other devices recorded.', error);
          setStatus({
            phase: 'attention',
            error: { code: 'REBASE_FAILED', message: `What other devices recorded could not be combined with this device's changes: ${(error as Error).message}` },
          });
        }
      },
    });
  }

  async function restart(): Promise<void> {
    await stopEngine();
    await refresh();
    starting = startEngine();
    await starting;
  }

  /** Saves new settings here and tells the leading tab (which may be another) to pick them up. */
  async function settle(next: SyncSettings | undefined): Promise<void> {
    if (next) await writeSettings(store, next, options.clock());
    else await clearSettings(store);
    channel?.postMessage({ settingsChanged: true });
    await restart();
  }

  if (channel)
    channel.onmessage = (message: MessageEvent<{ status?: SyncStatus; settingsChanged?: boolean }>) => {
      if (message.data.status && !leading) status.setState(message.data.status, true);
      if (message.data.settingsChanged) void restart();
    };
  const loaded = refresh().catch((error: unknown) => console.warn('Sync settings could not be read.', error));

  const spaceOf = async (server: string) => (await import('./syncApi.ts')).createSpace(server);

  return {
    status,
    async createSpace(server, deviceName) {
      const name = checkDeviceName(deviceName);
      const address = new URL(server).origin;
      const { spaceId, secret } = await spaceOf(address);
      await settle({ server: address, spaceId, secret, deviceName: name, position: 0, confirmedThrough: 0, pulled: [] });
    },
    async joinSpace(link, deviceName) {
      const name = checkDeviceName(deviceName);
      const access = parsePairingLink(link);
      // A wrong secret or an unknown space is told now, before this ledger is tied to it.
      await (await import('./syncApi.ts')).pullEvents(access, 0, 1);
      await settle({ ...access, deviceName: name, position: 0, confirmedThrough: 0, pulled: [] });
    },
    pairingLink: () => settings && pairingLink(options.appUrl(), settings),
    async renameDevice(deviceName) {
      const name = checkDeviceName(deviceName);
      const current = await readSettings(store);
      if (current) await settle({ ...current, deviceName: name });
    },
    async disconnect() {
      await settle(undefined);
    },
    async syncNow() {
      await engine?.syncNow();
    },
    async dismissConflict(id) {
      await deleteConflict(store, id);
      setStatus({ conflicts: await readConflicts(store) });
      channel?.postMessage({ status: status.getState() });
    },
    lead() {
      leading = true;
      void refresh().then(() => (starting = startEngine()));
    },
    unlead() {
      leading = false;
      void stopEngine();
    },
    async remoteEvents() {
      await loaded;
      return (event) => (engine ? engine.isRemote(event) : settings !== undefined && isPulled(settings, event.meta.seq));
    },
    async close() {
      closed = true;
      channel?.close();
      await stopEngine();
    },
  };
}
