import type { StoredEvent } from '../../eventstore/index.ts';

export interface LogFilters {
  /** One event type, or '' for all. */
  type: string;
  /** A stream's name or part of it, or ''. */
  stream: string;
  /** Text anywhere in the event (type, payload, meta), or ''. */
  text: string;
}

export const NO_FILTERS: LogFilters = { type: '', stream: '', text: '' };

export function isFiltered(filters: LogFilters): boolean {
  return filters.type !== '' || filters.stream.trim() !== '' || filters.text.trim() !== '';
}

/** Whether an event passes the filters; `exactStream` when the stream filter names a whole stream. */
export function matches(event: StoredEvent, filters: LogFilters, exactStream: boolean): boolean {
  if (filters.type && event.type !== filters.type) return false;
  const stream = filters.stream.trim();
  if (stream) {
    if (exactStream ? event.meta.stream !== stream : !event.meta.stream.toLowerCase().includes(stream.toLowerCase())) return false;
  }
  const text = filters.text.trim().toLowerCase();
  return text === '' || JSON.stringify(event).toLowerCase().includes(text);
}
