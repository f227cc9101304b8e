import type { MonthSpending } from '../../domain/readModels/spendingByCategory.ts';
import { formatMoney } from '../components/money.ts';
import { categoryColour } from './spendingColours.ts';

/**
 * One month's spending as horizontal bars, largest category's bar the full width. Drawn with plain
 * elements, so it themes with the page and costs no chart library; hidden from screen readers, because
 * the table beside it carries the same figures.
 */
export function SpendingChart({ month, order }: { month: MonthSpending; order: readonly string[] }) {
  const largest = Math.max(...month.categories.map((c) => c.amount));
  return (
    <div className="spending-chart" aria-hidden="true">
      {month.categories.map(({ category, amount }) => (
        <div key={category} className="spending-bar">
          <span className="spending-bar-label">{category}</span>
          <span className="spending-bar-amount">{formatMoney(amount)}</span>
          <span className="spending-bar-track">
            <span className="spending-bar-fill" style={{ width: `${(amount / largest) * 100}%`, background: categoryColour(category, order) }} />
          </span>
        </div>
      ))}
    </div>
  );
}
