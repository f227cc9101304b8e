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

// Digits on either side of the point may be left out (".5", "5."), but not both.
const AMOUNT = /^(?=\.?\d)(\d*)(?:\.(\d{0,2}))?$/;

/**
 * Reads what a person types as an amount ("12.34", "12,34", "1,234.50", "€ 5", ".5", "5.") into integer
 * cents, by string arithmetic so 0.1 + 0.2 style errors cannot happen. A final comma with at most two digits
 * after it is a decimal comma; any other comma, and spaces, group thousands.
 */
export function parseAmount(input: string): ParsedAmount {
  let text = input.trim().replace(/[\s\u00a0\u202f€$£]/g, '');
  if (text === '') return { error: 'Enter an amount, such as 12.34.' };
  if (text.startsWith('-')) return { error: 'Enter the amount without a minus sign: it must be more than zero.' };
  if (!text.includes('.')) text = text.replace(/,(\d{0,2})$/, '.$1');
  text = text.replace(/,(?=\d{3}(\D|$))/g, '');
  const match = AMOUNT.exec(text);
  if (!match) return { error: `"${input.trim()}" is not an amount. Use digits with up to two decimals, such as 12.34.` };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return { error: 'That amount is too large.' };
  const cents = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents === 0) return { error: 'The amount must be more than zero.' };
  return { cents };
}
