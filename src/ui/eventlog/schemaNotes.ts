import { isPlainObject } from '../../lib/isPlainObject.ts';

function valueWords(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
}

function listWords(parts: readonly string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What reading a stored payload in today's shape changed, field by field: "category “Uncategorized” was added". */
export function payloadChanges(stored: unknown, current: unknown): string[] {
  if (!isPlainObject(stored) || !isPlainObject(current)) return [];
  const changes: string[] = [];
  for (const [key, value] of Object.entries(current)) {
    if (!Object.hasOwn(stored, key)) changes.push(`${key} ${valueWords(value)} was added`);
    else if (JSON.stringify(stored[key]) !== JSON.stringify(value)) changes.push(`${key} was read as ${valueWords(value)}`);
  }
  for (const key of Object.keys(stored)) if (!Object.hasOwn(current, key)) changes.push(`${key} was left out`);
  return changes;
}

/**
 * What the details say of an event stored in an older schema and shown in
 * today's shape; `changes` once the stored event has been read to compare.
 */
export function liftedNote(from: number, to: number | undefined, changes: readonly string[]): string {
  const shape = `Stored in schema ${from}, shown in today’s shape${to === undefined ? '' : ` (schema ${to})`}`;
  const how = changes.length > 0 ? `: ${listWords(changes)} when reading it.` : '.';
  return `${shape}${how} The log keeps it as it was stored, and exports it that way.`;
}

/** What the details say of an event a newer version of Rewind recorded. */
export function newerNote(onAccount: boolean): string {
  return (
    'This version of Rewind keeps it as it is and exports it as it is, but does not read it, so nothing else on these screens reflects what it did' +
    `${onAccount ? ', and its account is read-only here' : ''}. Update Rewind to see what it did.`
  );
}
