import { afterEach, describe, expect, it } from 'vitest';
import { closeStores, openStore } from './helpers.ts';

afterEach(closeStores);

const doc = (id: string, kind: string, data: number) => ({ id, kind, savedAt: '2026-01-01T00:00:00.000Z', data: { n: data } });

describe('documents beside the log', () => {
  it('are saved, replaced by id, listed by kind and deleted, without touching the log', async () => {
    const store = await openStore();
    await store.putDocument(doc('a', 'scenario', 1));
    await store.putDocument(doc('b', 'scenario', 2));
    await store.putDocument(doc('c', 'settings', 3));
    await store.putDocument(doc('a', 'scenario', 4));

    expect(await store.getDocument('a')).toEqual(doc('a', 'scenario', 4));
    expect((await store.documentsOfKind('scenario')).map((d) => d.id).sort()).toEqual(['a', 'b']);
    expect(await store.documentsOfKind('unknown')).toEqual([]);

    await store.deleteDocument('a');
    expect(await store.getDocument('a')).toBeUndefined();
    expect((await store.documentsOfKind('scenario')).map((d) => d.id)).toEqual(['b']);
    expect(await store.lastSeq()).toBe(0);
  });

  it('are shared by every store on the same database (another tab)', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await mine.putDocument(doc('shared', 'settings', 1));
    expect(await theirs.getDocument('shared')).toEqual(doc('shared', 'settings', 1));
  });
});
