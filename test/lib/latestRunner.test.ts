import { expect, test } from 'vitest';
import { latestRunner } from '../../src/lib/latestRunner.ts';

/** A task whose runs end when the test says. */
function controlled() {
  const started: number[] = [];
  const ends: (() => void)[] = [];
  const task = (value: number) => {
    started.push(value);
    return new Promise<void>((resolve) => ends.push(resolve));
  };
  const endNext = async () => {
    ends.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, task, endNext };
}

test('the first value runs at once; values given meanwhile fold into the newest, which runs when the first ends', async () => {
  const { started, task, endNext } = controlled();
  const settled: number[] = [];
  const runner = latestRunner(task, (v) => settled.push(v));
  runner.give(1);
  expect(started).toEqual([1]);
  runner.give(2);
  runner.give(3);
  runner.give(4);
  expect(started).toEqual([1]);
  await endNext();
  expect(started).toEqual([1, 4]);
  // 1 ended with 4 waiting behind it: only 4 is settled, once it ends.
  expect(settled).toEqual([]);
  await endNext();
  expect(settled).toEqual([4]);
  runner.give(5);
  expect(started).toEqual([1, 4, 5]);
});

test('a task that fails lets the next one run; after stop nothing waiting runs and nothing is heard', async () => {
  const started: number[] = [];
  const settled: number[] = [];
  let fail = true;
  const runner = latestRunner(
    async (value: number) => {
      started.push(value);
      if (fail) throw new Error('no');
    },
    (v) => settled.push(v),
  );
  runner.give(1);
  runner.give(2);
  fail = false;
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(started).toEqual([1, 2]);
  expect(settled).toEqual([2]);
  const { started: later, task, endNext } = controlled();
  const stopped = latestRunner(task, (v) => settled.push(v));
  stopped.give(7);
  stopped.give(8);
  stopped.stop();
  await endNext();
  expect(later).toEqual([7]);
  expect(settled).toEqual([2]);
});
