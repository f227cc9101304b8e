import { afterEach, expect, test, vi } from 'vitest';
import { openEventStore, type EventStore } from '../../../src/eventstore/index.ts';
import { decisionsProjection } from '../../../src/domain/index.ts';
import { createCommandHandler } from '../../../src/app/parts.ts';
import type { Projection } from '../../../src/replay/index.ts';
import { createMemoryImage } from '../../../src/app/parts.ts';
import { imageDecisions } from '../../../src/app/image/imageDecisions.ts';

const closing: (() => unknown)[] = [];
afterEach(() => {
  for (const close of closing.splice(0).reverse()) close();
  vi.restoreAllMocks();
});

async function storeWithEvent(): Promise<EventStore> {
  const store = await openEventStore({ name: 'image-decisions' });
  closing.push(() => store.close());
  await store.append('account-1111222233334444', [
    { type: 'AccountOpened', payload: { accountNumber: '1111222233334444', owner: 'Ada', email: 'ada@example.org' } },
  ]);
  return store;
}

test('commands wait for the image to boot, then decide on it', async () => {
  const store = await storeWithEvent();
  const image = createMemoryImage({ eventStore: store, projections: [decisionsProjection] });
  closing.push(image.stop);
  const handler = createCommandHandler({ log: store, decisions: imageDecisions(image, store) });
  // Dispatched while the image is still booting: the account is known once it has booted.
  const { events } = await handler.dispatch({ type: 'AddFunds', account: '1111222233334444', amount: 5 });
  expect(image.getState().seq).toBe(events[0]!.meta.seq);
});

test('an image that failed to boot refuses commands, saying why, and writes nothing', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const store = await storeWithEvent();
  const broken: Projection<number> = {
    name: 'broken',
    version: 1,
    initial: 0,
    apply: () => {
      throw new Error('bad projection');
    },
  };
  const image = createMemoryImage({ eventStore: store, projections: [decisionsProjection, broken] });
  closing.push(image.stop);
  const handler = createCommandHandler({ log: store, decisions: imageDecisions(image, store) });
  await expect(handler.dispatch({ type: 'AddFunds', account: '1111222233334444', amount: 5 })).rejects.toMatchObject({
    code: 'IMAGE_FAILED',
    message: expect.stringMatching(/could not be loaded/),
  });
  expect(await store.lastSeq()).toBe(1);
});

test('waiting for a seq ends when the image stops', async () => {
  const store = await storeWithEvent();
  const image = createMemoryImage({ eventStore: store, projections: [decisionsProjection] });
  await image.ready;
  const waiting = image.reached(99);
  image.stop();
  await expect(waiting).resolves.toBeUndefined();
});
