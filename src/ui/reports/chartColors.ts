const ACCOUNT_COLOURS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'];

export interface ChartColours {
  total: string;
  accounts: string[];
  text: string;
  grid: string;
}

/** The chart draws on a canvas, so it reads the theme's colours (light or dark) from the CSS variables. */
export function chartColours(element: Element): ChartColours {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    total: read('--chart-total'),
    accounts: ACCOUNT_COLOURS.map(read),
    text: read('--color-muted'),
    grid: read('--color-border'),
  };
}
