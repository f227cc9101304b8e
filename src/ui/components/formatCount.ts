const browserFormat = new Intl.NumberFormat();

/** "12,345": a count of events, accounts or lines, in the browser's locale unless one is given. */
export function formatCount(n: number, locale?: string): string {
  return (locale === undefined ? browserFormat : new Intl.NumberFormat(locale)).format(n);
}

/** "1 event", "12,345 events": a count with its noun, singular for exactly one. The words stay English. */
export function formatCountOf(n: number, singular: string, plural = `${singular}s`, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? singular : plural}`;
}
