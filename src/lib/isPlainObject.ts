/**
 * Whether `value` is a plain object: `{ … }` as JSON.parse or an object literal
 * makes it, not an array, a class instance (Date, Map) nor null. Input from
 * outside (commands, file lines, headers) is checked with it before its fields
 * are read.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
