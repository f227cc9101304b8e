/** The one form the event store writes times in: `Date#toISOString()` of a UTC time, milliseconds included. */
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Whether `text` is a time exactly as `toISOString()` writes it: the event
 * store's rule, which it checks by a `Date.parse` + `toISOString` round trip.
 * That round trip is the costliest check per event of a file read, so here the
 * pattern bounds each field and a calendar check refuses days a month does not
 * have (2026-02-30, 2025-02-29), which Date.parse would roll over into March.
 */
export function isIsoUtcTime(text: string): boolean {
  const match = ISO_UTC.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]! + (month === 2 && isLeapYear(year) ? 1 : 0);
}
