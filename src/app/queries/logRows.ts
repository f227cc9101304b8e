import type { StoredEvent } from '../../eventstore/index.ts';
import type { Injection } from '../../replay/index.ts';

/** One row of the event log: a real event (read on demand), or a hypothetical one of the open branch. */
export type LogRow =
  | { kind: 'event'; seq: number; event?: StoredEvent }
  | { kind: 'injected'; index: number; event: StoredEvent };

/** An injection shown as the event it becomes: it takes the seq of the event it follows. */
export function injectedEvent(injection: Injection, index: number): StoredEvent {
  const { event, stream, afterSeq } = injection;
  return {
    type: event.type,
    payload: event.payload ?? null,
    meta: { ...event.meta, id: event.meta?.id ?? `injected-${index + 1}`, seq: afterSeq, stream, version: 0, at: event.meta?.at ?? '' },
  };
}

/** Injected events in newest-first order: later positions first, and of two at one position the later-played first. */
export function newestFirst(inject: readonly Injection[]): { index: number; injection: Injection }[] {
  return inject.map((injection, index) => ({ injection, index })).sort((a, b) => b.injection.afterSeq - a.injection.afterSeq || b.index - a.index);
}

/** Where an injected row sits in the unfiltered list. */
export interface Slot {
  position: number;
  index: number;
  injection: Injection;
}

/**
 * The unfiltered list shows real events `top` down to `bottom`, newest first,
 * with the branch's injected events between them: one after event n sits just
 * above it. Returns the injected rows' positions, in order.
 */
export function injectionSlots(inject: readonly Injection[], top: number, bottom: number, isTopOfLog: boolean): Slot[] {
  const shown = newestFirst(inject).filter(
    ({ injection: { afterSeq } }) => (afterSeq >= bottom || bottom <= 1) && (afterSeq <= top || isTopOfLog),
  );
  return shown.map(({ injection, index }, k) => ({ position: k + Math.max(0, top - injection.afterSeq), index, injection }));
}

/** The row at `position` of the unfiltered list. */
export function rowAt(position: number, slots: readonly Slot[], top: number): { kind: 'event'; seq: number } | Slot {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid]!.position < position) lo = mid + 1;
    else hi = mid;
  }
  if (slots[lo]?.position === position) return slots[lo]!;
  return { kind: 'event', seq: top - (position - lo) };
}
