import { useId } from 'react';
import { orderCategories } from '../../domain/index.ts';

const ALL = '';

/**
 * Narrows the history to one category: All, then the categories the account's movements use (and the one
 * chosen, should the address name another). The choice lives in the address, so Back, Forward and a reload
 * keep it.
 */
export function CategoryFilter({
  value,
  categories,
  onChange,
}: {
  value: string | undefined;
  categories: readonly string[];
  onChange(category: string | undefined): void;
}) {
  const id = useId();
  const choices = orderCategories(value === undefined ? categories : [...categories, value]);
  return (
    <div className="field history-filter">
      <label htmlFor={id}>Category</label>
      <select id={id} value={value ?? ALL} onChange={(e) => onChange(e.target.value === ALL ? undefined : e.target.value)}>
        <option value={ALL}>All categories</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
