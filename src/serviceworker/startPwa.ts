import { createPwaStore, type PwaStore } from './pwaStore.ts';
import { installPreloadRecovery } from './preloadRecovery.ts';
import type { ServiceWorkerControl } from './registerServiceWorker.ts';

let control: ServiceWorkerControl | undefined;
let started = false;

/** The app's PWA status. Created without side effects; startPwa() connects it to the browser. */
// Node (unit tests, tools importing the app layer) has no navigator: there the store reads online, with no storage API.
const browser = typeof navigator === 'undefined' ? undefined : navigator;

export const pwaStore: PwaStore = createPwaStore({
  isOnline: () => browser?.onLine ?? true,
  // Missing outside secure contexts.
  storage: browser?.storage as StorageManager | undefined,
  acceptUpdate: () => control?.acceptUpdate(),
});

/** The running build: its entry chunk's hashed URL changes with every deploy. */
function currentBuildId(): string {
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? __APP_VERSION__;
}

/**
 * Registers the service worker and starts tracking connectivity and storage. Safe to call more than once
 * (each PWA component calls it); only the first call does anything.
 */
export function startPwa(): void {
  if (started) return;
  started = true;
  const setOffline = () => pwaStore.setState({ offline: !navigator.onLine });
  window.addEventListener('online', setOffline);
  window.addEventListener('offline', setOffline);
  installPreloadRecovery({
    target: window,
    // Looked up on use: where storage is blocked, the sessionStorage getter itself throws.
    session: {
      getItem: (key) => window.sessionStorage.getItem(key),
      setItem: (key, value) => window.sessionStorage.setItem(key, value),
    },
    isOnline: () => navigator.onLine,
    reload: () => window.location.reload(),
    buildId: currentBuildId(),
  });
  if (import.meta.env.DEV) {
    pwaStore.setState({
      serviceWorkerError: 'Off in development: `npm start` serves the built app, which works offline.',
    });
  } else {
    // Registered once the page has loaded, as Workbox advises (the service worker's precache download then does
    // not compete with the page's own), and loaded only then: workbox-window is not needed to show the ledger
    // (the boot bundle).
    const failed = (error: unknown) => pwaStore.setState({ serviceWorkerError: error instanceof Error ? error.message : String(error) });
    const register = () =>
      import('./registerServiceWorker.ts')
        .then(({ registerServiceWorker }) => {
          control = registerServiceWorker({
            onUpdateWaiting: () => pwaStore.setState({ updateAvailable: true }),
            onControlled: () => pwaStore.setState({ offlineReady: true }),
            onError: failed,
          });
          if (!control) pwaStore.setState({ serviceWorkerError: 'This browser cannot keep Rewind available offline.' });
        })
        .catch(failed);
    // Half a second after the page has loaded and the first screen is up, when the page has settled.
    const registerSoon = () => setTimeout(() => void register(), 500);
    const afterFirstScreen = () => {
      const root = document.getElementById('root');
      if (!root || root.childElementCount > 0) return void registerSoon();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        registerSoon();
      });
      observer.observe(root, { childList: true });
    };
    if (document.readyState === 'complete') afterFirstScreen();
    else window.addEventListener('load', afterFirstScreen, { once: true });
  }
  void pwaStore.getState().refreshStorage();
}
