const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The two-digit number at text[at], or -1 when either character is not an ASCII digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Whether `text` is a time exactly as `toISOString()` writes it
 * (`YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC, milliseconds included): the event store's
 * rule, which it checks by a `Date.parse` + `toISOString` round trip. That
 * round trip is the costliest check per event of a file read, so here each
 * field is read from its character codes and bounded, and a calendar check
 * refuses days a month does not have (2026-02-30, 2025-02-29), which
 * Date.parse would roll over into March.
 */
export function isIsoUtcTime(text: string): boolean {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z')
    return false;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const milli = twoDigits(text, 20);
  const lastMilli = text.charCodeAt(22) - 48;
  if (century < 0 || yearOfCentury < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (milli < 0 || lastMilli < 0 || lastMilli > 9 || month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]! + (month === 2 && isLeapYear(century * 100 + yearOfCentury) ? 1 : 0);
}
