import { afterEach, expect, test, vi } from 'vitest';
import { platformLocks, withLock } from '../../src/lib/webLocks.ts';
import { fakeLockManager, tick } from './fakeLockManager.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('withLock holds the lock while its work runs, and the next request waits for it', async () => {
  const locks = fakeLockManager();
  const order: string[] = [];
  let finishFirst!: () => void;
  const first = withLock(locks, 'l', {}, async () => {
    order.push('first starts');
    await new Promise<void>((resolve) => (finishFirst = resolve));
    order.push('first ends');
    return 1;
  });
  const second = withLock(locks, 'l', {}, async () => {
    order.push('second');
    return 2;
  });
  await tick();
  expect(order).toEqual(['first starts']);
  finishFirst();
  expect(await first).toEqual({ acquired: true, value: 1 });
  expect(await second).toEqual({ acquired: true, value: 2 });
  expect(order).toEqual(['first starts', 'first ends', 'second']);
  expect(locks.held.size).toBe(0);
});

test('withLock with ifAvailable does not wait: not acquired while another holds the lock', async () => {
  const locks = fakeLockManager();
  let finish!: () => void;
  const holder = withLock(locks, 'l', {}, () => new Promise<void>((resolve) => (finish = resolve)));
  await tick();
  const ran = vi.fn(async () => 'ran');
  expect(await withLock(locks, 'l', { ifAvailable: true }, ran)).toEqual({ acquired: false });
  expect(ran).not.toHaveBeenCalled();
  finish();
  await holder;
  expect(await withLock(locks, 'l', { ifAvailable: true }, ran)).toEqual({ acquired: true, value: 'ran' });
});

test('aborting the signal gives up waiting with an AbortError', async () => {
  const locks = fakeLockManager();
  let finish!: () => void;
  const holder = withLock(locks, 'l', {}, () => new Promise<void>((resolve) => (finish = resolve)));
  const abort = new AbortController();
  const waiting = withLock(locks, 'l', { signal: abort.signal }, async () => 'never');
  abort.abort();
  await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  finish();
  await holder;
});

test('platformLocks is navigator.locks, or undefined without it', () => {
  const locks = fakeLockManager();
  vi.stubGlobal('navigator', { locks });
  expect(platformLocks()).toBe(locks);
  vi.stubGlobal('navigator', {});
  expect(platformLocks()).toBeUndefined();
});
