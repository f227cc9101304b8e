import { expect, test } from 'vitest';
import { SeqWaiters } from '../../src/lib/seqWaiters.ts';

/** Which of the promises have settled, after the microtasks that settle them. */
async function settled(promises: Promise<void>[]): Promise<boolean[]> {
  const done = promises.map(() => false);
  promises.forEach((p, i) => void p.then(() => (done[i] = true)));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

test('a seq already reached resolves at once; a later one once wake sees it reached', async () => {
  let seq = 5;
  const waiters = new SeqWaiters(() => seq);
  const waits = [waiters.until(3), waiters.until(5), waiters.until(7), waiters.until(9)];
  expect(await settled(waits)).toEqual([true, true, false, false]);
  seq = 8;
  expect(await settled(waits)).toEqual([true, true, false, false]);
  waiters.wake();
  expect(await settled(waits)).toEqual([true, true, true, false]);
});

test('releaseAll lets every wait go, reached or not', async () => {
  const waiters = new SeqWaiters(() => 0);
  const waits = [waiters.until(1), waiters.until(100)];
  waiters.releaseAll();
  expect(await settled(waits)).toEqual([true, true]);
  // Waits after a release wait again.
  expect(await settled([waiters.until(1)])).toEqual([false]);
});
