import { afterEach, expect, test, vi } from 'vitest';
import { webLockRequest } from '../../../src/app/locks/locks.ts';
import { electLeader } from '../../../src/app/locks/leadership.ts';
import { fakeLockManager, tick } from '../../lib/fakeLockManager.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('without Web Locks there is no lock request: a tab runs alone', () => {
  vi.stubGlobal('navigator', {});
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
