const browserFormat = new Intl.NumberFormat();

/** "12,345": a count of events, accounts or lines, in the browser's locale unless one is given. */
export function formatCount(n: number, locale?: string): string {
  return (locale === undefined ? browserFormat : new Intl.NumberFormat(locale)).format(n);
}
