import { useEffect, useId, useState } from 'react';
import { LEDGER_EVENT_TYPES } from '../../domain/index.ts';
import type { LogFilters } from '../../app/index.ts';
import { StreamField } from '../components/StreamField.tsx';

/** Typing settles this long before a text search starts. */
const TYPING_MS = 250;

/** Filters by type (the known types), stream (a name from the list, or part of one) and free text. */
export function EventFilters({ filters, onChange, streams, onStreamsWanted }: {
  filters: LogFilters;
  onChange(filters: LogFilters): void;
  streams: readonly string[];
  onStreamsWanted(): void;
}) {
  const id = useId();
  const [stream, setStream] = useState(filters.stream);
  const [text, setText] = useState(filters.text);

  useEffect(() => {
    if (stream === filters.stream && text === filters.text) return;
    const timer = setTimeout(() => onChange({ ...filters, stream, text }), TYPING_MS);
    return () => clearTimeout(timer);
  }, [stream, text, filters, onChange]);

  const clear = () => {
    setStream('');
    setText('');
    onChange({ type: '', stream: '', text: '' });
  };

  return (
    <form className="log-filters" role="search" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filters.type} onChange={(e) => onChange({ ...filters, stream, text, type: e.target.value })}>
          <option value="">All types</option>
          {LEDGER_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <StreamField value={stream} onChange={setStream} streams={streams} onFocus={onStreamsWanted} />
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
