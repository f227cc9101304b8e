/** The largest amount one command may move: 10^12 cents (ten billion in whole units). */
export const MAX_AMOUNT = 1_000_000_000_000;

/** A balance must stay exact in a JavaScript number. */
export const MAX_BALANCE = Number.MAX_SAFE_INTEGER;

/**
 * Cents as plain text with two decimals and thousands separators ("1,234.50"),
 * the same on every device: it goes into stored messages, which must not depend
 * on the locale of the tab that wrote them. The UI formats with the user's locale.
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
