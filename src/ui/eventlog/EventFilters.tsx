import { useEffect, useId, useState } from 'react';
import { LEDGER_EVENT_TYPES } from '../../domain/index.ts';
import type { LogFilters } from '../../app/index.ts';
import { AccountPicker } from './AccountPicker.tsx';
import { eventName } from './eventNames.ts';

/** Typing settles this long before a text search starts. */
const TYPING_MS = 250;

/** Filters by type (the known types, by name), account (its stream) and free text. */
export function EventFilters({ filters, onChange }: { filters: LogFilters; onChange(filters: LogFilters): void }) {
  const id = useId();
  const [text, setText] = useState(filters.text);

  useEffect(() => {
    if (text === filters.text) return;
    const timer = setTimeout(() => onChange({ ...filters, text }), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const clear = () => {
    setText('');
    onChange({ type: '', stream: '', text: '' });
  };

  return (
    <form className="log-filters" role="search" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filters.type} onChange={(e) => onChange({ ...filters, text, type: e.target.value })}>
          <option value="">All types</option>
          {LEDGER_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {eventName(type)}
            </option>
          ))}
        </select>
      </div>
      <AccountPicker stream={filters.stream} onChange={(stream) => onChange({ ...filters, text, stream })} />
      <div className="field">
        <label htmlFor={`${id}-text`}>Text</label>
        <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </div>
      <button type="button" className="button button-small" onClick={clear}>
        Clear filters
      </button>
    </form>
  );
}
