import { afterEach, expect, test, vi } from 'vitest';
import { platformLocks, withLock, type LockManagerLike, type LockOptions } from '../../src/lib/webLocks.ts';
import { webLockRequest } from '../../src/app/locks/locks.ts';
import { electLeader } from '../../src/app/locks/leadership.ts';
import { tryWithImportLock } from '../../src/eventstore/import/importLock.ts';

/** Exclusive locks as Web Locks grant them: in request order, null for `ifAvailable` when held, AbortError on abort. */
function fakeLockManager(): LockManagerLike & { held: Set<string> } {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  const granted = (name: string, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (!held.has(name)) {
        held.add(name);
        return resolve();
      }
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const grant = () => resolve();
      queue.push(grant);
      signal?.addEventListener('abort', () => {
        queue.splice(queue.indexOf(grant), 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  return {
    held,
    async request(name: string, options: LockOptions, callback: (lock: unknown) => Promise<unknown>) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      await granted(name, options.signal);
      try {
        return await callback({ name });
      } finally {
        release(name);
      }
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

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
  expect(webLockRequest()).toBeUndefined();
});

test('leadership goes to the first tab, and to the next once the first resigns', async () => {
  const request = webLockRequest(fakeLockManager())!;
  const one = electLeader('leader', request);
  const two = electLeader('leader', request);
  await one.elected;
  await tick();
  expect([one.isLeader(), two.isLeader()]).toEqual([true, false]);
  one.resign();
  await two.elected;
  expect([one.isLeader(), two.isLeader()]).toEqual([false, true]);
  two.resign();
});

test('without Web Locks a tab leads at once', async () => {
  const alone = electLeader('leader', undefined);
  await alone.elected;
  expect(alone.isLeader()).toBe(true);
});

test('the import lock goes through the platform locks: a second import of the same log is refused at once', async () => {
  vi.stubGlobal('navigator', { locks: fakeLockManager() });
  let finish!: () => void;
  const first = tryWithImportLock('ledger', () => new Promise<string>((resolve) => (finish = () => resolve('imported'))));
  await tick();
  expect(await tryWithImportLock('ledger', async () => 'second')).toEqual({ acquired: false });
  expect(await tryWithImportLock('other', async () => 'other log')).toEqual({ acquired: true, value: 'other log' });
  finish();
  expect(await first).toEqual({ acquired: true, value: 'imported' });
});
