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
