import type { EventStore, StoredEvent } from '../eventstore/index.ts';
import type { WhatIfResult } from './whatIf.ts';

/** The real event at `seq` (undefined at 0, before the first). */
export async function eventAt(store: Pick<EventStore, 'readAll'>, seq: number): Promise<StoredEvent | undefined> {
  return seq < 1 ? undefined : (await store.readAll({ fromSeq: seq, toSeq: seq }))[0];
}

type Branch = Pick<WhatIfResult, 'fromSeq' | 'toSeq' | 'skipped' | 'injected'>;

/**
 * A branch's events from its first replayed seq on, in play order, a batch at a
 * time: real events read from the log as they are needed (the skipped ones left
 * out) with the injected ones after the event they follow. The branch itself
 * holds only its changes, so a branch 500,000 events long costs no memory.
 */
export async function* branchEvents(store: EventStore, branch: Branch, batchSize = 2000): AsyncGenerator<StoredEvent[]> {
  const skip = new Set(branch.skipped);
  const { injected } = branch;
  let next = 0;
  const take = (out: StoredEvent[], seq: number) => {
    while (next < injected.length && injected[next]!.meta.seq <= seq) out.push(injected[next++]!);
  };
  const first: StoredEvent[] = [];
  take(first, branch.fromSeq - 1);
  if (first.length > 0) yield first;
  for (let from = branch.fromSeq; from <= branch.toSeq; ) {
    const batch = await store.readAll({ fromSeq: from, toSeq: branch.toSeq, limit: batchSize });
    if (batch.length === 0) break;
    const out: StoredEvent[] = [];
    for (const event of batch) {
      if (!skip.has(event.meta.seq)) out.push(event);
      take(out, event.meta.seq);
    }
    if (out.length > 0) yield out;
    from = batch[batch.length - 1]!.meta.seq + 1;
  }
  const rest: StoredEvent[] = [];
  take(rest, Number.MAX_SAFE_INTEGER);
  if (rest.length > 0) yield rest;
}

/**
 * One stream's events in the branch from its first replayed seq on, in play
 * order: the stream's real events (one stream read, skipped ones left out) and
 * the branch's injections into it.
 */
export async function branchStreamEvents(store: Pick<EventStore, 'readStream'>, branch: Branch, stream: string): Promise<StoredEvent[]> {
  const skip = new Set(branch.skipped);
  const real = (await store.readStream(stream)).filter(
    (e) => e.meta.seq >= branch.fromSeq && e.meta.seq <= branch.toSeq && !skip.has(e.meta.seq),
  );
  return splice(
    real,
    branch.injected.filter((e) => e.meta.stream === stream),
  );
}

/** Real events (ascending seq) with injections (in play order) each placed right after the real event it follows. */
export function splice(real: readonly StoredEvent[], injected: readonly StoredEvent[]): StoredEvent[] {
  const out: StoredEvent[] = [];
  let next = 0;
  for (const event of real) {
    while (next < injected.length && injected[next]!.meta.seq < event.meta.seq) out.push(injected[next++]!);
    out.push(event);
  }
  out.push(...injected.slice(next));
  return out;
}
