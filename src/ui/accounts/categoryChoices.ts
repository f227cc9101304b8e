import { CATEGORIES, UNCATEGORIZED, canonicalCategory, orderCategories, type HistoryEntry } from '../../domain/index.ts';

/** What a history line was for; Uncategorized for a movement recorded without one, undefined for status lines. */
export function lineCategory(entry: Pick<HistoryEntry, 'kind' | 'category'>): string | undefined {
  if (entry.kind === 'opened' || entry.kind === 'verified' || entry.kind === 'closed') return undefined;
  return entry.category ?? UNCATEGORIZED;
}

/** What the Category field offers: every preset, then the custom categories already in use (Uncategorized is the empty field). */
export function suggestedCategories(used: Iterable<string>): string[] {
  return orderCategories([...CATEGORIES, ...used]).filter((name) => name !== UNCATEGORIZED);
}

/** The category a typed value names, in a preset's own spelling; undefined for an empty field, which means Uncategorized. */
export function chosenCategory(typed: string): string | undefined {
  const name = typed.trim();
  return name === '' ? undefined : canonicalCategory(name);
}

/** The history's category filter from the account address's query (`?category=Rent`); undefined shows every line. */
export function categoryFilterOf(search: string): string | undefined {
  return chosenCategory(new URLSearchParams(search).get('category') ?? '');
}

/** The account's address showing the lines of one category, or all of them. */
export function accountAddress(accountNumber: string, category: string | undefined): string {
  const path = `/accounts/${encodeURIComponent(accountNumber)}`;
  return category === undefined ? path : `${path}?${new URLSearchParams({ category }).toString()}`;
}
