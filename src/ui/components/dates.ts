const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "12 Mar 2025" in the browser's locale and time zone. */
export function formatDate(at: string | Date): string {
  return dateFormat.format(new Date(at));
}

/** "12 Mar 2025, 14:05". */
export function formatDateTime(at: string | Date): string {
  return dateTimeFormat.format(new Date(at));
}

/**
 * "3 hours ago", "yesterday" for the last week before `now`; the short date beyond that (and for anything
 * after `now`, which happens when looking at the past).
 */
export function formatRelative(at: string, now: Date): string {
  const diff = new Date(at).getTime() - now.getTime();
  if (diff > 60_000 || diff < -7 * 86_400_000) return formatDate(at);
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}
