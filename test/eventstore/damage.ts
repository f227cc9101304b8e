import type { EventStore } from '../../src/eventstore/index.ts';
import { pageStart } from '../../src/eventstore/pages.ts';

/*
 * Damages the stored log behind the store's back, as a failing disk or a buggy
 * version might, for tests of what readers do with it.
 */

/** Replaces the stored record of `seq` with `value` (which need not be a sound event). */
export async function replaceStoredEvent(store: EventStore, seq: number, value: (before: unknown) => unknown): Promise<void> {
  const { db } = store;
  await db.transaction('rw', [db.pages, db.tail], async () => {
    const page = await db.pages.get(pageStart(seq));
    if (page) {
      const lines = page.text.split('\n');
      lines[seq - page.first] = JSON.stringify(value(JSON.parse(lines[seq - page.first]!)));
      await db.pages.put({ ...page, text: lines.join('\n') });
      return;
    }
    const record = (await db.tail.where(':id').belowOrEqual(seq).toArray()).find((r) => r.last >= seq);
    if (!record) throw new Error(`No stored event at seq ${seq}`);
    const events = record.events.map((e) => (e.meta.seq === seq ? (value(e) as typeof e) : e));
    await db.tail.put({ ...record, events });
  });
}

/** Removes the event at `seq` from the unsealed tail (a gap in the log). */
export async function removeTailEvent(store: EventStore, seq: number): Promise<void> {
  const { db } = store;
  await db.transaction('rw', db.tail, async () => {
    const record = (await db.tail.where(':id').belowOrEqual(seq).toArray()).find((r) => r.last >= seq);
    if (!record) throw new Error(`No event at seq ${seq} in the tail`);
    await db.tail.put({ ...record, events: record.events.filter((e) => e.meta.seq !== seq) });
  });
}
