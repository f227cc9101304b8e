import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the browser says about this origin's storage; null while unknown or where the API is missing. */
export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Why the status could not be read, in words for the user. */
  error: string | null;
}

export interface PwaState {
  /** A new version is installed and waits for the user's "Reload". */
  updateAvailable: boolean;
  offline: boolean;
  /** A service worker controls this page, so the app opens with no network. */
  offlineReady: boolean;
  /** Why offline use could not be set up. */
  serviceWorkerError: string | null;
  storage: StorageStatus;
  /** Activate the waiting version; every open tab then reloads into it. */
  acceptUpdate(): void;
  /** Ask the browser not to evict Rewind's data; resolves to whether it is now persisted. */
  requestPersistence(): Promise<boolean>;
  refreshStorage(): Promise<void>;
}

/** The parts of the browser the store uses, so tests can stand in for them. */
export interface PwaPorts {
  isOnline(): boolean;
  storage: Pick<StorageManager, 'estimate' | 'persisted' | 'persist'> | undefined;
  acceptUpdate(): void;
}

export type PwaStore = StoreApi<PwaState>;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createPwaStore(ports: PwaPorts): PwaStore {
  return createStore<PwaState>()((set, get) => {
    const setStorage = (patch: Partial<StorageStatus>) => set({ storage: { ...get().storage, ...patch } });

    // Several refreshes may overlap (start-up, a panel mounting, a persistence request): only the newest
    // one may write, so a slow stale answer never overwrites a fresh one.
    let newestRefresh = 0;
    const refreshStorage = async () => {
      const refresh = ++newestRefresh;
      const storage = ports.storage;
      if (!storage) {
        setStorage({ error: 'This browser does not report storage use.' });
        return;
      }
      try {
        const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()]);
        if (refresh !== newestRefresh) return;
        setStorage({ persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, error: null });
      } catch (error) {
        if (refresh !== newestRefresh) return;
        setStorage({ error: `Could not read storage use: ${describe(error)}` });
      }
    };

    return {
      updateAvailable: false,
      offline: !ports.isOnline(),
      offlineReady: false,
      serviceWorkerError: null,
      storage: { persisted: null, usage: null, quota: null, error: null },
      acceptUpdate() {
        if (get().updateAvailable) ports.acceptUpdate();
      },
      async requestPersistence() {
        const storage = ports.storage;
        if (!storage) return false;
        if (get().storage.persisted) return true;
        try {
          await storage.persist();
        } catch (error) {
          setStorage({ error: `Could not ask for persistent storage: ${describe(error)}` });
          return false;
        }
        await refreshStorage();
        return get().storage.persisted === true;
      },
      refreshStorage,
    };
  });
}
