import { formatDateTime } from './dates.ts';
import { formatCount } from './formatCount.ts';

/** "event 12 of 340, 3 Mar 2026, 14:05": where the screens stand in the log, numbers grouped ("event 31,764 of 108,150"). */
export function positionText(seq: number, liveSeq: number, at: string | undefined): string {
  const position = `event ${formatCount(seq)} of ${formatCount(liveSeq)}`;
  if (seq === 0) return `${position}, before the first event`;
  return at ? `${position}, ${formatDateTime(at)}` : position;
}
