import type { StoredEvent, SubscriptionHandler, Unsubscribe } from '../types.ts';

/** Events read and handed over per delivery while catching up. */
const EVENTS_PER_DELIVERY = 500;

type ReadFrom = (fromSeq: number, limit: number) => Promise<StoredEvent[]>;

/**
 * Delivers events from `fromSeq` (inclusive) in order, in batches, then every
 * event appended later. `wake()` is called whenever this or another tab may have
 * appended; deliveries never overlap, so an async handler sees events in order.
 */
export class Subscription {
  private next: number;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    fromSeq: number,
    private readonly read: ReadFrom,
    private readonly handler: SubscriptionHandler,
    private readonly onError: (error: unknown) => void,
  ) {
    this.next = Math.max(1, Math.floor(fromSeq));
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.pump();
  }

  /**
   * Events this tab just committed: delivered as they are when they continue
   * exactly where the subscription stands and nothing is being delivered;
   * otherwise the subscription reads, as after any wake.
   */
  offer(events: StoredEvent[]): void {
    if (this.stopped) return;
    if (this.running || events[0]?.meta.seq !== this.next) {
      this.wake();
      return;
    }
    this.running = true;
    void this.pump(events.slice());
  }

  stop: Unsubscribe = () => {
    this.stopped = true;
  };

  private async pump(given?: StoredEvent[]): Promise<void> {
    try {
      if (given) {
        this.next = given[given.length - 1]!.meta.seq + 1;
        await this.handler(given);
        if (!this.again || this.stopped) return;
      }
      do {
        this.again = false;
        for (;;) {
          if (this.stopped) return;
          const batch = await this.read(this.next, EVENTS_PER_DELIVERY);
          if (batch.length === 0 || this.stopped) break;
          this.next = batch[batch.length - 1]!.meta.seq + 1;
          await this.handler(batch);
          if (batch.length < EVENTS_PER_DELIVERY) break;
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      if (!this.stopped) this.onError(error);
    } finally {
      this.running = false;
    }
  }
}

/**
 * A tab that was hidden or frozen may have missed the other tabs' messages:
 * look for new events as soon as it is shown again.
 */
export function wakeWhenShown(wake: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  document.addEventListener('visibilitychange', onVisible);
  document.addEventListener('resume', wake);
  window.addEventListener('pageshow', wake);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    document.removeEventListener('resume', wake);
    window.removeEventListener('pageshow', wake);
  };
}
