import { Workbox } from 'workbox-window';

export interface ServiceWorkerCallbacks {
  /** A new version is installed and waits for the user's consent. */
  onUpdateWaiting(): void;
  /** A service worker controls this page: the app now opens with no network. */
  onControlled(): void;
  onError(error: unknown): void;
}

export interface ServiceWorkerControl {
  /** Activate the waiting version. Every open tab (this one included) then reloads into it. */
  acceptUpdate(): void;
}

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers dist/sw.js with workbox-window. Never reloads on its own: a new version waits until a user
 * clicks "Reload" in some tab; that tab's skipWaiting hands control to the new version in every tab at
 * once (controllerchange), and each tab then reloads.
 */
export function registerServiceWorker(callbacks: ServiceWorkerCallbacks): ServiceWorkerControl | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  let registration: ServiceWorkerRegistration | undefined;
  // Set in every tab once a user accepts in any of them, so that a tab that was not controlled yet (opened
  // with a hard reload) follows the change of controller too.
  let accepted = false;
  const acceptance = 'BroadcastChannel' in window ? new BroadcastChannel('rewind:update-accepted') : undefined;
  acceptance?.addEventListener('message', () => {
    accepted = true;
  });
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };

  wb.addEventListener('waiting', () => callbacks.onUpdateWaiting());
  // The first install takes control of pages already running that same version: nothing to reload. Any
  // later change of controller means a user accepted a new version (here or in another tab): follow it.
  let hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    callbacks.onControlled();
    if (hadController || accepted) reload();
    hadController = true;
  });

  // Open tabs learn of a deploy only by asking; a found update arrives as onUpdateWaiting.
  const checkForUpdate = async () => {
    if (!navigator.onLine) return;
    try {
      await wb.update();
    } catch (error) {
      // A flaky network is not the user's problem; the next check will try again.
      console.warn('Rewind: update check failed', error);
    }
  };

  wb.register()
    .then((registered) => {
      registration = registered;
      if (navigator.serviceWorker.controller) callbacks.onControlled();
    })
    .catch((error: unknown) => callbacks.onError(error));

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
  window.addEventListener('online', () => void checkForUpdate());
  window.setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);

  return {
    acceptUpdate() {
      accepted = true;
      acceptance?.postMessage(true);
      if (registration?.waiting) wb.messageSkipWaiting();
      // Nothing waits any more (another tab accepted meanwhile): the new version is already active.
      else reload();
    },
  };
}
