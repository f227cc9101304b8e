import type { EventInput, EventStore, StoredEvent } from '../../eventstore/index.ts';

/**
 * Appends generated events (sample data) to an empty log, keeping their order:
 * each run of consecutive events on one stream is one append, checked against
 * the stream version the generator gave it. Meant for hundreds of events; bulk
 * loaders of millions write pages directly.
 */
export async function appendGenerated(store: Pick<EventStore, 'append' | 'lastSeq'>, events: readonly StoredEvent[]): Promise<void> {
  if ((await store.lastSeq()) !== 0) throw new Error('Sample data can only be loaded into an empty log.');
  for (let i = 0; i < events.length; ) {
    const stream = events[i]!.meta.stream;
    const expectedVersion = events[i]!.meta.version - 1;
    const run: EventInput[] = [];
    for (; i < events.length && events[i]!.meta.stream === stream; i++) run.push(toInput(events[i]!));
    await store.append(stream, run, { expectedVersion });
  }
}

/** A stored event as an append input: the store assigns seq, stream and version again. */
export function toInput({ type, payload, meta }: StoredEvent): EventInput {
  const { seq: _seq, stream: _stream, version: _version, ...rest } = meta;
  return { type, payload, meta: rest };
}
