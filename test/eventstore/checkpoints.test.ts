import { afterEach, describe, expect, it } from 'vitest';
import { closeStores, openStore } from './helpers.ts';

afterEach(closeStores);

describe('checkpoints', () => {
  it('are 0 until set', async () => {
    const store = await openStore();
    expect(await store.getCheckpoint('pm')).toBe(0);
  });

  it('keep the last seq set, one per name', async () => {
    const store = await openStore();
    await store.setCheckpoint('pm', 5);
    await store.setCheckpoint('other', 2);
    await store.setCheckpoint('pm', 9);
    expect(await store.getCheckpoint('pm')).toBe(9);
    expect(await store.getCheckpoint('other')).toBe(2);
  });

  it('outlive the store and are shared with other stores on the database', async () => {
    const first = await openStore();
    await first.appendMany([{ stream: 'a', events: [{ type: 'x' }] }], { checkpoint: { name: 'pm', seq: 12 } });
    const tab = await openStore();
    expect(await tab.getCheckpoint('pm')).toBe(12);
    first.close();
    const reopened = await openStore();
    expect(await reopened.getCheckpoint('pm')).toBe(12);
  });

  it('written with a batch replace the one set before', async () => {
    const store = await openStore();
    await store.setCheckpoint('pm', 3);
    await store.appendMany([{ stream: 'a', events: [{ type: 'x' }] }], { checkpoint: { name: 'pm', seq: 4 } });
    expect(await store.getCheckpoint('pm')).toBe(4);
    expect(await store.getCheckpoint('unrelated')).toBe(0);
  });
});
