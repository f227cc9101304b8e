import { formatMoney } from './money.ts';
import './components.css';

/** An amount of cents in the browser's locale; negative amounts are marked for colour and screen readers alike. */
export function Money({ cents, showSign = false }: { cents: number; showSign?: boolean }) {
  const tone = cents < 0 ? ' money-out' : showSign && cents > 0 ? ' money-in' : '';
  return <span className={`money${tone}`}>{formatMoney(cents, { showSign })}</span>;
}
