import type { StoredEvent, SubscriptionHandler, Unsubscribe } from '../types.ts';
import { Subscription, wakeWhenShown } from './subscription.ts';

type ReadFrom = (fromSeq: number, limit: number) => Promise<StoredEvent[]>;

/**
 * The subscriptions of one open log, and how they hear of new events: this
 * tab's commits are handed over directly, other tabs' arrive as a message on
 * the log's BroadcastChannel, and a tab shown again looks for what it missed.
 */
export class Subscribers {
  private readonly subscriptions = new Set<Subscription>();
  private readonly channel: BroadcastChannel | undefined;
  private readonly stopWatchingVisibility: () => void;

  constructor(
    name: string,
    private readonly read: ReadFrom,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`rewind-eventstore:${name}`);
    if (this.channel) this.channel.onmessage = () => this.wakeAll();
    this.stopWatchingVisibility = wakeWhenShown(() => this.wakeAll());
  }

  subscribe(fromSeq: number, handler: SubscriptionHandler, onError: (error: unknown) => void): Unsubscribe {
    const subscription = new Subscription(fromSeq, this.read, handler, onError);
    this.subscriptions.add(subscription);
    subscription.wake();
    return () => {
      subscription.stop();
      this.subscriptions.delete(subscription);
    };
  }

  /** Hands a commit of this tab to this tab's subscriptions without reading it back, and tells the other tabs. */
  deliver(events: StoredEvent[]): void {
    this.subscriptions.forEach((s) => s.offer(events));
    this.channel?.postMessage('appended');
  }

  /** Tells subscribers of this tab and other tabs to look for new events. */
  notifyAppended(): void {
    this.wakeAll();
    this.channel?.postMessage('appended');
  }

  /** Subscribers keep what they have and hear nothing more. */
  stop(): void {
    this.subscriptions.forEach((s) => s.stop());
    this.subscriptions.clear();
    this.channel?.close();
    this.stopWatchingVisibility();
  }

  private wakeAll(): void {
    this.subscriptions.forEach((s) => s.wake());
  }
}
