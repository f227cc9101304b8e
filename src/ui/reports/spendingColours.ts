const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7'];

/**
 * A category's colour by its place among every month's categories, so it keeps its colour from month to
 * month (and follows dark mode through the theme's variables). The largest categories get a colour each;
 * the smaller ones share a muted one rather than repeat a large one's.
 */
export function categoryColour(category: string, order: readonly string[]): string {
  const place = order.indexOf(category);
  return place >= 0 && place < PALETTE.length ? `var(${PALETTE[place]})` : 'var(--color-muted)';
}
