/** sessionStorage key holding the build that already reloaded once after a failed chunk load. */
export const PRELOAD_RELOAD_KEY = 'rewind:reloaded-after-chunk-error';

export interface PreloadRecoveryEnv {
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  session: Pick<Storage, 'getItem' | 'setItem'>;
  isOnline(): boolean;
  reload(): void;
  /** Identifies the running build, so a later deploy may recover once again. */
  buildId: string;
}

/**
 * After a deploy, a tab still running the old build may ask for a lazy chunk the server no longer has
 * (vite:preloadError). Reloading fetches the new build. That happens at most once per build and session, so
 * a chunk that is truly broken cannot start a reload loop; offline, the network is the cause and a reload
 * would not help, so the error is left to surface.
 */
export function installPreloadRecovery(env: PreloadRecoveryEnv): () => void {
  const onPreloadError = (event: Event) => {
    if (!env.isOnline()) return;
    try {
      if (env.session.getItem(PRELOAD_RELOAD_KEY) === env.buildId) return;
      env.session.setItem(PRELOAD_RELOAD_KEY, env.buildId);
    } catch {
      // Without a guard that survives the reload, one reload could become many.
      return;
    }
    event.preventDefault();
    env.reload();
  };
  env.target.addEventListener('vite:preloadError', onPreloadError);
  return () => env.target.removeEventListener('vite:preloadError', onPreloadError);
}
