/** How a locale writes a number: its marks, its digit groups and its digits, read from Intl. */
export interface NumberStyle {
  decimal: string;
  /** The thousands mark; a space of any width is written as " ". */
  group: string;
  /** Digits in the last group before the decimal mark (3), and in each group before it (3, or 2 in en-IN). */
  lastGroup: number;
  group2: number;
  /** The locale's own digits 0 to 9, when they are not ASCII. */
  digits?: string;
  /** A number written this way with two decimals: number(1234.56) → "1.234,56" in de-DE. */
  number(value: number): string;
}

const SPACES = /[\s\u00a0\u202f]/g;
const styles = new Map<string, NumberStyle>();

/** The style of `locale`, or of the browser's when undefined. */
export function numberStyle(locale?: string): NumberStyle {
  const key = locale ?? '';
  let style = styles.get(key);
  if (!style) {
    style = readStyle(locale);
    styles.set(key, style);
  }
  return style;
}

function readStyle(locale?: string): NumberStyle {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const parts = format.formatToParts(123456789.5);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const counted = [...new Intl.NumberFormat(locale, { useGrouping: false }).format(1234567890)];
  const digits = [counted.at(-1), ...counted.slice(0, -1)].join('');
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: (parts.find((p) => p.type === 'group')?.value ?? ',').replace(SPACES, ' '),
    lastGroup: integers.at(-1) ?? 3,
    group2: integers.length > 2 ? integers.at(-2)! : 3,
    digits: digits === '0123456789' ? undefined : digits,
    number: (value) => format.format(value),
  };
}
