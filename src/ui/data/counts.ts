const countFormat = new Intl.NumberFormat();

/** "12,345" in the browser's locale. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}
