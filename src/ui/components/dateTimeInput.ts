/** "2026-03-12T14:05:09": a time as a datetime-local input holds it, in the device's time zone ('' for none). */
export function toDateTimeInput(at: string | Date | undefined): string {
  if (at === undefined) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The moment a datetime-local input's value names in the device's time zone; undefined when it names none. */
export function fromDateTimeInput(value: string): Date | undefined {
  // Only the input's own shape: Date would read other shapes (a bare date) as UTC.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
