import type { StoredEvent } from '../../eventstore/index.ts';
import { CATEGORIES, UNCATEGORIZED, canonicalCategory, currentSchema, isNewerEvent, orderCategories, upcast } from '../../domain/index.ts';
import { isPlainObject } from '../../lib/isPlainObject.ts';

/** The type filter's choice for every event a newer version of Rewind recorded, whatever its type. */
export const NEWER_VERSION_TYPE = '(newer version)';

export interface LogFilters {
  /** One event type, NEWER_VERSION_TYPE, or '' for all. */
  type: string;
  /** A stream's name or part of it, or ''. */
  stream: string;
  /** One category of money movements, or '' for all. */
  category: string;
  /** Text anywhere in the event (type, payload, meta), or ''. */
  text: string;
}

export const NO_FILTERS: LogFilters = { type: '', stream: '', category: '', text: '' };

export function isFiltered(filters: LogFilters): boolean {
  return filters.type !== '' || filters.stream.trim() !== '' || filters.category.trim() !== '' || filters.text.trim() !== '';
}

/**
 * A money movement's category as this version reads it: one stored before
 * categories existed is Uncategorized (lifted here too, for events that did not
 * come through the app's reader). Undefined for any other event, and for one a
 * newer version recorded, whose payload this version does not read.
 */
export function categoryOf(event: StoredEvent): string | undefined {
  if (isNewerEvent(event)) return undefined;
  const { payload } = upcast(event);
  const category = isPlainObject(payload) ? payload.category : undefined;
  return typeof category === 'string' ? category : undefined;
}

/** What the category filter offers: every preset and Uncategorized, with the other categories met, as every list of categories reads. */
export function filterCategories(met: Iterable<string>): string[] {
  return orderCategories([...CATEGORIES, UNCATEGORIZED, ...met]);
}

/**
 * A known type's name stands for the events of that type this version reads:
 * one a newer version recorded in a later schema is shown, and found, as such.
 */
function typeMatches(event: StoredEvent, type: string): boolean {
  if (type === NEWER_VERSION_TYPE) return isNewerEvent(event);
  return event.type === type && (currentSchema(type) === undefined || !isNewerEvent(event));
}

/** Whether an event passes the filters; `exactStream` when the stream filter names a whole stream. */
export function matches(event: StoredEvent, filters: LogFilters, exactStream: boolean): boolean {
  if (filters.type !== '' && !typeMatches(event, filters.type)) return false;
  const category = filters.category.trim();
  if (category && categoryOf(event) !== canonicalCategory(category)) return false;
  const stream = filters.stream.trim();
  if (stream) {
    if (exactStream ? event.meta.stream !== stream : !event.meta.stream.toLowerCase().includes(stream.toLowerCase())) return false;
  }
  const text = filters.text.trim().toLowerCase();
  return text === '' || JSON.stringify(event).toLowerCase().includes(text);
}
