import type { ReplayProgress } from '../../app/index.ts';
import { formatCountOf } from '../components/formatCount.ts';

/** "1 event", "1,234 events": the shared count helper, kept under this name for the what-if screens. */
export function plural(n: number, word: string): string {
  return formatCountOf(n, word);
}

/** A branch the shortcut cannot take is replayed event by event: say how far it got. */
export function replayingText(progress: ReplayProgress | undefined): string {
  if (!progress || progress.total === 0) return 'Working out the branch…';
  return `Replaying the branch… ${Math.floor((100 * progress.done) / progress.total)}% of ${plural(progress.total, 'event')}`;
}
