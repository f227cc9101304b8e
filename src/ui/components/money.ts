import { MAX_AMOUNT } from '../../domain/index.ts';
import { numberStyle, type NumberStyle } from './numberStyle.ts';

/**
 * Money in the UI. The ledger keeps integer cents and knows no currency; the app shows one currency,
 * formatted in the browser's locale.
 */
export const CURRENCY = 'EUR';

const formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency: CURRENCY });
const signed = new Intl.NumberFormat(undefined, { style: 'currency', currency: CURRENCY, signDisplay: 'exceptZero' });

/**
 * 123456 → "€1,234.56" (or "1.234,56 €", as the locale writes it). Exact up to Number.MAX_SAFE_INTEGER cents.
 * `locale` overrides the browser's (tests, and texts built for a given locale).
 */
export function formatMoney(cents: number, { showSign = false, locale }: { showSign?: boolean; locale?: string } = {}): string {
  // Built from a decimal string, so large balances never pass through a fractional double.
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const text = `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const format =
    locale === undefined
      ? showSign ? signed : formatter
      : new Intl.NumberFormat(locale, { style: 'currency', currency: CURRENCY, ...(showSign ? { signDisplay: 'exceptZero' as const } : {}) });
  return format.format(text as Intl.StringNumericLiteral);
}

export type ParsedAmount = { cents: number; error?: undefined } | { cents?: undefined; error: string };

/** "0,00" in de-DE: an amount field's placeholder. */
export function amountPlaceholder(locale?: string): string {
  return numberStyle(locale).number(0);
}

/** "12,34" in de-DE: the example an amount field's messages give. */
export function amountExample(locale?: string): string {
  return numberStyle(locale).number(12.34);
}

// The currency may be typed before or after the number.
const CURRENCY_MARK = /^(?:€|EUR)\s*|\s*(?:€|EUR)$/gi;
const MINUS = /^[-\u2212\u2012\u2013]/;
const SPACES = /[\s\u00a0\u202f]+/g;
// Swiss thousands marks, typed either way.
const APOSTROPHES = ["'", '’'];

type Reading = { whole: string; cents: string } | 'decimals' | undefined;

/**
 * Reads what a person types as an amount into integer cents, by string arithmetic so 0.1 + 0.2 style errors
 * cannot happen. Takes the locale's way ("1.234,56" or "1234,56" in de-DE, "1,234.56" in en-US, spaces as
 * thousands marks anywhere) and the plain way ("1234.56", ".5", "5.", "5"); anything else is refused with
 * an example written the person's way. `locale` is the browser's when undefined.
 */
export function parseAmount(input: string, locale?: string): ParsedAmount {
  const style = numberStyle(locale);
  const typed = input.trim();
  const text = asciiDigits(typed, style.digits).replace(SPACES, ' ').replace(CURRENCY_MARK, '').trim();
  if (text === '') return { error: `Enter an amount, such as ${style.number(12.34)}.` };
  if (MINUS.test(text)) return { error: 'Enter the amount without a minus sign: it must be more than zero.' };
  const reading = readAmount(text, style);
  if (reading === 'decimals')
    return { error: `"${quoted(typed)}" has more than two decimals: an amount is whole cents, such as ${style.number(12.34)}.` };
  if (reading === undefined) {
    if (style.decimal !== ',' && /^\d+,\d{1,2}$/.test(text))
      return { error: `"${quoted(typed)}" is not an amount here: write the cents after a point, such as ${style.number(12.34)}.` };
    return { error: `"${quoted(typed)}" is not an amount. Use digits with up to two decimals, such as ${style.number(1234.56)}.` };
  }
  const whole = reading.whole.replace(/^0+/, '');
  // More than 11 digits is over the limit, and would not be exact as a number of cents.
  const cents = whole.length > 11 ? Infinity : Number(whole || '0') * 100 + Number(reading.cents.padEnd(2, '0'));
  if (cents > MAX_AMOUNT) return { error: `The most one amount can be is ${formatMoney(MAX_AMOUNT, { locale })}.` };
  if (cents === 0) return { error: 'The amount must be more than zero.' };
  return { cents };
}

/** The locale's reading first, then the plain one; "too many decimals" only when neither reads. */
function readAmount(text: string, style: NumberStyle): Reading {
  const marks = [style.group, ' ', ...(APOSTROPHES.includes(style.group) ? APOSTROPHES : [])].filter((m) => m !== style.decimal);
  const local = readNumber(text, style.decimal, marks, style);
  if (typeof local === 'object') return local;
  const plain = readNumber(text, '.', [], style);
  if (typeof plain === 'object') return plain;
  return local ?? plain;
}

function readNumber(text: string, decimal: string, marks: string[], style: NumberStyle): Reading {
  const halves = text.split(decimal);
  if (halves.length > 2) return undefined;
  const [integer = '', fraction = ''] = halves;
  const whole = ungroup(integer, marks, style);
  if (whole === undefined || !/^\d*$/.test(fraction) || whole + fraction === '') return undefined;
  return fraction.length > 2 ? 'decimals' : { whole, cents: fraction };
}

/** "1.234.567" → "1234567" when every group has the locale's size; one kind of mark per amount. */
function ungroup(integer: string, marks: string[], style: NumberStyle): string | undefined {
  if (/^\d*$/.test(integer)) return integer;
  const mark = marks.find((m) => integer.includes(m));
  if (mark === undefined) return undefined;
  const groups = integer.split(mark);
  const last = groups.pop()!;
  const [first = '', ...middle] = groups;
  const sized = (group: string, min: number, max: number) => /^\d+$/.test(group) && group.length >= min && group.length <= max;
  const fits =
    sized(last, style.lastGroup, style.lastGroup) &&
    sized(first, 1, style.group2) &&
    middle.every((group) => sized(group, style.group2, style.group2));
  return fits ? groups.join('') + last : undefined;
}

function asciiDigits(text: string, digits: string | undefined): string {
  if (digits === undefined) return text;
  return [...text].map((c) => (digits.includes(c) ? String(digits.indexOf(c)) : c)).join('');
}

/** What was typed, cut short so a pasted page does not fill the message. */
function quoted(typed: string): string {
  const chars = [...typed];
  return chars.length > 24 ? `${chars.slice(0, 20).join('')}…` : typed;
}
