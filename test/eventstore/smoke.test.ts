import { expect, test } from 'vitest';
import { openEventStore } from '../../src/eventstore/index.ts';

test('smoke', async () => {
  const store = await openEventStore({ name: 't' });
  const r = await store.append('a', [{ type: 'X', payload: { n: 1 } }, { type: 'Y' }], { expectedVersion: 'no_stream' });
  expect(r).toEqual({ firstSeq: 1, lastSeq: 2, version: 2 });
  const r2 = await store.appendMany([{ stream: 'b', events: [{ type: 'Z' }] }, { stream: 'a', events: [{ type: 'W' }], expectedVersion: 2 }]);
  expect(r2).toEqual([{ firstSeq: 3, lastSeq: 3, version: 1 }, { firstSeq: 4, lastSeq: 4, version: 3 }]);
  expect((await store.readAll()).map((e) => e.meta.seq)).toEqual([1, 2, 3, 4]);
  expect((await store.readStream('a', { direction: 'backward' })).map((e) => e.meta.version)).toEqual([3, 2, 1]);
  const got: number[] = [];
  const stop = store.subscribe(2, (es) => { got.push(...es.map((e) => e.meta.seq)); });
  await new Promise((r) => setTimeout(r, 50));
  await store.append('c', [{ type: 'Q' }]);
  await new Promise((r) => setTimeout(r, 50));
  expect(got).toEqual([2, 3, 4, 5]);
  stop();
  store.close();
});
