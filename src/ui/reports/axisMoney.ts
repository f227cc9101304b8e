import { CURRENCY } from '../components/money.ts';

/**
 * Short money labels for a chart axis, in the locale's way: "€50K" in English,
 * "50.000 €" in German. Axis values are whole currency units, not cents.
 */
export function axisMoneyFormat(locale?: string): (units: number) => string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: CURRENCY,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return (units) => format.format(units);
}
