import type { Granularity } from '../../domain/index.ts';

// Period keys are calendar dates already in the person's time zone: named in UTC, they read as written.
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025" / "March 2025" / "14 Mar 2025" for the period keys of moneyMovedBy and balanceSeries. */
export function formatPeriod(period: string, granularity: Granularity): string {
  if (granularity === 'year') return period;
  const [y, m, d = '1'] = period.split('-');
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (granularity === 'month' ? monthFormat : dayFormat).format(date);
}

/** A day key ("2025-03-14") as the seconds of that date's UTC midnight, for the chart's time axis (labelled in UTC). */
export function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}
