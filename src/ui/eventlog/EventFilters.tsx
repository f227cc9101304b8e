import { useId } from 'react';
import { LEDGER_EVENT_TYPES } from '../../domain/index.ts';
import { NEWER_VERSION_TYPE, NO_FILTERS, type LogFilters } from '../../app/index.ts';
import { AccountPicker } from './AccountPicker.tsx';
import { eventName } from './eventNames.ts';

export interface EventFiltersProps {
  filters: LogFilters;
  onChange(filters: LogFilters): void;
  /** The categories to offer, presets first. */
  categories: readonly string[];
  /** Whether the log holds events a newer version of Rewind recorded: then the type filter offers them. */
  hasNewer: boolean;
}

/** Filters by type (the known types, by name), account (its stream), category of money movements and free text. */
export function EventFilters({ filters, onChange, categories, hasNewer }: EventFiltersProps) {
  const id = useId();
  // Each keystroke searches at once: the list drops the search of the text before (FilteredLogList).
  const clear = () => onChange(NO_FILTERS);

  // A category from the address that no event read so far has shown stays chosen.
  const categoryOptions = filters.category === '' || categories.includes(filters.category) ? categories : [...categories, filters.category];

  return (
    <form className="log-filters" role="search" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filters.type} onChange={(e) => onChange({ ...filters, type: e.target.value })}>
          <option value="">All types</option>
          {LEDGER_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {eventName(type)}
            </option>
          ))}
          {(hasNewer || filters.type === NEWER_VERSION_TYPE) && <option value={NEWER_VERSION_TYPE}>Recorded by a newer version</option>}
        </select>
      </div>
      <AccountPicker stream={filters.stream} onChange={(stream) => onChange({ ...filters, stream })} />
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={filters.category} onChange={(e) => onChange({ ...filters, category: e.target.value })}>
          <option value="">All categories</option>
          {categoryOptions.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>Text</label>
        <input id={`${id}-text`} type="search" value={filters.text} onChange={(e) => onChange({ ...filters, text: e.target.value })} autoComplete="off" />
      </div>
      <button type="button" className="button button-small" onClick={clear}>
        Clear filters
      </button>
    </form>
  );
}
