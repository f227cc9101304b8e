import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateIdError, ScratchLog } from '../../../src/eventstore/import/index.ts';
import { EVENTS_PER_PAGE, depsOf, type StoredEvent } from '../../../src/eventstore/index.ts';
import { CHUNK } from '../../../src/eventstore/indexes/streamRecords.ts';
import { appendInCommits, closeStores, numberedInputs, openStore } from '../helpers.ts';

afterEach(() => closeStores());

describe('ScratchLog', () => {
  async function storedEvents(count: number): Promise<StoredEvent[]> {
    const source = await openStore({ name: 'source' });
    await appendInCommits(source, numberedInputs(count), 250);
    return source.readAll();
  }

  it('writes pages, ids and stream positions that the store reads back after the switch', async () => {
    // Over CHUNK versions a stream: its positions go beyond the stream row's head into streamIndex records.
    const events = await storedEvents(2 * EVENTS_PER_PAGE + 123);
    const store = await openStore();
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    for (let i = 0; i < events.length; i += 97) await scratch.addEvents(events.slice(i, i + 97));
    await scratch.finish();
    await scratch.promote();

    const live = await openStore();
    expect(await live.readAll()).toEqual(events);
    const s2 = events.filter((e) => e.meta.stream === 's2');
    expect(s2.length).toBeGreaterThan(CHUNK);
    expect(await live.readStream('s2')).toEqual(s2);
    expect(await live.readStream('s2', { direction: 'backward', limit: 5 })).toEqual(s2.slice(-5).reverse());
    expect(await live.hasIds(['id-3', `id-${EVENTS_PER_PAGE + 100}`])).toEqual(new Map([['id-3', 3], [`id-${EVENTS_PER_PAGE + 100}`, EVENTS_PER_PAGE + 100]]));
    await expect(live.append('s0', [{ type: 'Other', meta: { id: 'id-3' } }])).rejects.toMatchObject({ name: 'DuplicateEventError' });
    expect(await live.append('s0', [{ type: 'Next' }])).toMatchObject({ firstSeq: 2 * EVENTS_PER_PAGE + 124 });
    expect((await live.readStream('s0', { direction: 'backward', limit: 1 }))[0]).toMatchObject({ type: 'Next' });
  });

  it('a repeated id inside an import throws DuplicateIdError naming both seqs', async () => {
    const events = await storedEvents(EVENTS_PER_PAGE + 50);
    const store = await openStore();
    const scratch = await ScratchLog.create(store.name, depsOf(store));
    const repeated = events.map((e) => (e.meta.seq === EVENTS_PER_PAGE + 40 ? { ...e, meta: { ...e.meta, id: 'id-12' } } : e));
    await scratch.addEvents(repeated.slice(0, 300));
    const error = await scratch.addEvents(repeated.slice(300)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateIdError);
    expect(error).toMatchObject({ id: 'id-12', seq: EVENTS_PER_PAGE + 40, firstSeq: 12 });
    await scratch.discard();
  });
});
