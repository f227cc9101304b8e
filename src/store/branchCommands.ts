import { WrongExpectedVersionError, type EventStore, type StoredEvent } from '../eventstore/index.ts';
import { HYPOTHETICAL_ID_PREFIX, type Injection, type WhatIfResult } from '../replay/index.ts';
import type { CommandStore } from '../domain/index.ts';

/**
 * Lets the usual command handler run inside a what-if branch: streams read as
 * the branch has them (real events before the branch point, then the branch's
 * own), and appends become injections at the branch's end instead of writes.
 * Commands are thus validated against the alternative state by the very same
 * deciders, and the real log is never touched.
 */
export function branchCommandStore(
  eventStore: Pick<EventStore, 'readStream'>,
  result: WhatIfResult,
  inject: (injections: Injection[]) => Promise<void>,
): CommandStore {
  async function branchStream(stream: string): Promise<StoredEvent[]> {
    const before = (await eventStore.readStream(stream)).filter((e) => e.meta.seq < result.fromSeq);
    const events = [...before, ...result.events.filter((e) => e.meta.stream === stream)];
    return events.map((e, i) => ({ ...e, meta: { ...e.meta, version: i + 1 } }));
  }

  return {
    readStream: async (stream, options = {}) => {
      const all = await branchStream(stream);
      const backward = options.direction === 'backward';
      const lo = backward ? (options.toVersion ?? 1) : (options.fromVersion ?? 1);
      const hi = backward ? (options.fromVersion ?? Infinity) : (options.toVersion ?? Infinity);
      const range = all.filter((e) => e.meta.version >= lo && e.meta.version <= hi);
      if (backward) range.reverse();
      return options.limit === undefined ? range : range.slice(0, options.limit);
    },
    appendMany: async (batches) => {
      const results = [];
      const injections: Injection[] = [];
      for (const batch of batches) {
        const version = (await branchStream(batch.stream)).length;
        const expected = batch.expectedVersion ?? 'any';
        const ok =
          expected === 'any' ||
          (expected === 'no_stream' && version === 0) ||
          (expected === 'stream_exists' && version > 0) ||
          expected === version;
        if (!ok) throw new WrongExpectedVersionError(batch.stream, expected, version);
        for (const event of batch.events) {
          const id = `${HYPOTHETICAL_ID_PREFIX}${event.meta?.id ?? crypto.randomUUID()}`;
          injections.push({ afterSeq: result.toSeq, stream: batch.stream, event: { ...event, meta: { ...event.meta, id } } });
        }
        // Injected events share the seq of the real event they follow: the branch's end.
        results.push({ firstSeq: result.toSeq, lastSeq: result.toSeq, version: version + batch.events.length });
      }
      await inject(injections);
      return results;
    },
  };
}
