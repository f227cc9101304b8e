import { formatDateTime } from './dates.ts';

/** "event 12 of 340, 3 Mar 2026, 14:05": where the screens stand in the log. */
export function positionText(seq: number, liveSeq: number, at: string | undefined): string {
  const position = `event ${seq} of ${liveSeq}`;
  if (seq === 0) return `${position}, before the first event`;
  return at ? `${position}, ${formatDateTime(at)}` : position;
}
