/**
 * What a money movement was for. Deposits, withdrawals and transfers carry one
 * (schema 2 of their events); the presets are offered in the forms and any
 * other short name may be used. Movements recorded before categories existed
 * read as UNCATEGORIZED (src/domain/schema/upcasters.ts).
 */
export const CATEGORIES = ['Salary', 'Groceries', 'Rent', 'Transport', 'Leisure', 'Savings', 'Other'] as const;
export type PresetCategory = (typeof CATEGORIES)[number];

/** The category of a movement nobody categorised: every one recorded before categories, and commands that name none. */
export const UNCATEGORIZED = 'Uncategorized';

export const MAX_CATEGORY_CHARS = 40;

const presets = new Map<string, string>([...CATEGORIES, UNCATEGORIZED].map((name) => [name.toLowerCase(), name]));

/** A preset's own spelling when `name` is one in other letter case ("groceries" is Groceries), else `name` as given. */
export function canonicalCategory(name: string): string {
  return presets.get(name.toLowerCase()) ?? name;
}

const PRESET_ORDER = new Map<string, number>(CATEGORIES.map((name, i) => [name, i]));
const rank = (name: string): number => (name === UNCATEGORIZED ? 2 : PRESET_ORDER.has(name) ? 0 : 1);
const byName = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * How every list of categories reads: each name once (presets in their own
 * spelling, blanks dropped), the presets in their order, then the others by
 * name, Uncategorized last.
 */
export function orderCategories(names: Iterable<string>): string[] {
  const distinct = new Set<string>();
  for (const name of names) {
    const canonical = canonicalCategory(name.trim());
    if (canonical !== '') distinct.add(canonical);
  }
  return [...distinct].sort((a, b) => rank(a) - rank(b) || (PRESET_ORDER.get(a) ?? 0) - (PRESET_ORDER.get(b) ?? 0) || byName(a, b));
}

/** The presets and Uncategorized, each a bit of a set of used categories (the accounts read model keeps one per account). */
const BIT_NAMES: readonly string[] = [...CATEGORIES, UNCATEGORIZED];
const BITS = new Map<string, number>(BIT_NAMES.map((name, i) => [name, 1 << i]));

/**
 * A set of used categories with `name` added: the presets and Uncategorized
 * as bits, any other name in `custom` (in the order first used). Returns the
 * same `custom` array when it does not change.
 */
export function withCategory(bits: number, custom: readonly string[] | undefined, name: string | undefined): { bits: number; custom: readonly string[] | undefined } {
  // A movement without one (schema 1, not lifted) is Uncategorized, as upcasting makes it.
  const canonical = canonicalCategory(name?.trim() ?? '') || UNCATEGORIZED;
  const bit = BITS.get(canonical);
  if (bit !== undefined) return { bits: bits | bit, custom };
  return { bits, custom: custom?.includes(canonical) ? custom : [...(custom ?? []), canonical] };
}

/** The categories of such a set, as every list of categories reads (orderCategories). */
export function usedCategories(bits: number, custom: readonly string[] = []): string[] {
  return orderCategories([...BIT_NAMES.filter((name) => (bits & BITS.get(name)!) !== 0), ...custom]);
}
