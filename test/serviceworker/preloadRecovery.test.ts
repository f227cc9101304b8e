import { describe, expect, test, vi } from 'vitest';
import { installPreloadRecovery, PRELOAD_RELOAD_KEY, type PreloadRecoveryEnv } from '../../src/serviceworker/preloadRecovery.ts';

function setup(overrides: Partial<PreloadRecoveryEnv> = {}) {
  const target = new EventTarget();
  const saved = new Map<string, string>();
  const env = {
    target,
    session: { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) },
    isOnline: () => true,
    reload: vi.fn(),
    buildId: '/assets/index-v1.js',
    ...overrides,
  };
  const uninstall = installPreloadRecovery(env);
  /** Dispatches a chunk-load failure; true when the app's handler let it through as an error. */
  const failChunk = () => target.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
  return { env, saved, uninstall, failChunk, reload: env.reload };
}

describe('a lazy chunk that fails to load after a deploy', () => {
  test('reloads the page once, swallowing that error', () => {
    const { failChunk, reload, saved } = setup();
    expect(failChunk()).toBe(false);
    expect(reload).toHaveBeenCalledOnce();
    expect(saved.get(PRELOAD_RELOAD_KEY)).toBe('/assets/index-v1.js');
  });

  test('fails again on the same build: no second reload, the error surfaces', () => {
    const { failChunk, reload, saved, env } = setup();
    failChunk();
    // The reloaded page is the same build: a fresh listener in the same session.
    const again = setup({ session: env.session });
    expect(again.failChunk()).toBe(true);
    expect(failChunk()).toBe(true);
    expect(reload).toHaveBeenCalledOnce();
    expect(again.reload).not.toHaveBeenCalled();
    expect(saved.size).toBe(1);
  });

  test('on a newer build, a later deploy may recover once more', () => {
    const first = setup();
    first.failChunk();
    const next = setup({ session: first.env.session, buildId: '/assets/index-v2.js' });
    expect(next.failChunk()).toBe(false);
    expect(next.reload).toHaveBeenCalledOnce();
  });

  test('offline it never reloads and records nothing', () => {
    const { failChunk, reload, saved } = setup({ isOnline: () => false });
    expect(failChunk()).toBe(true);
    expect(reload).not.toHaveBeenCalled();
    expect(saved.size).toBe(0);
  });

  test('without a working sessionStorage it never reloads, since nothing could stop a loop', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const { failChunk, reload } = setup({ session: { getItem: blocked, setItem: blocked } });
    expect(failChunk()).toBe(true);
    expect(reload).not.toHaveBeenCalled();
  });

  test('stops listening once uninstalled', () => {
    const { failChunk, reload, uninstall } = setup();
    uninstall();
    expect(failChunk()).toBe(true);
    expect(reload).not.toHaveBeenCalled();
  });
});
