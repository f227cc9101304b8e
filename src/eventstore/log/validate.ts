import { InvalidEventError } from '../errors.ts';
import type { EventInput, EventInputMeta, JsonValue } from '../types.ts';

/** The largest event, measured as UTF-8 JSON. */
export const MAX_EVENT_BYTES = 1024 * 1024;

const INPUT_KEYS = new Set(['type', 'payload', 'meta']);
const INPUT_META_KEYS = new Set(['id', 'at', 'causationId', 'correlationId', 'schema', 'sample']);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const utf8 = new TextEncoder();

/** Nesting beyond which the quick check gives up and the full one says why (a cycle, most likely). */
const QUICK_DEPTH = 256;

/**
 * Whether `value` is plain JSON, without building the paths and the set of
 * visited objects that a refusal needs: a burst of commands checks thousands
 * of payloads, and nearly all of them pass.
 */
function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > QUICK_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * Returns why `value` is not plain JSON, or undefined when it is. JSON.stringify
 * would silently drop or coerce most of these, so the log would not hold what
 * the caller meant.
 */
export function jsonProblem(value: unknown, path = 'payload', seen: Set<object> = new Set()): string | undefined {
  return seen.size === 0 && isPlainJson(value, 0) ? undefined : explainJsonProblem(value, path, seen);
}

function explainJsonProblem(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${String(value)}, which JSON cannot carry`;
    case 'undefined':
      return `${path} is undefined, which JSON cannot carry`;
    case 'bigint':
      return `${path} is a BigInt, which JSON cannot carry`;
    case 'function':
    case 'symbol':
      return `${path} is a ${typeof value}, which JSON cannot carry`;
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return `${path} refers back to itself (a cycle)`;
  const proto = Object.getPrototypeOf(obj) as unknown;
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i++) {
        const problem = explainJsonProblem(obj[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return undefined;
    }
    if (proto !== Object.prototype && proto !== null) {
      const kind = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      return `${path} is a ${kind}, not a plain JSON object`;
    }
    for (const key of Object.keys(obj)) {
      const problem = explainJsonProblem((obj as Record<string, unknown>)[key], `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(obj);
  }
}

/** The last time that read back: a turn of commands stamps one time on thousands of events. */
let lastReadBack = '';

function readsBack(iso: string): boolean {
  if (iso === lastReadBack) return true;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || new Date(time).toISOString() !== iso) return false;
  lastReadBack = iso;
  return true;
}

function metaProblem(meta: unknown): string | undefined {
  if (meta === undefined) return undefined;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return 'meta must be an object';
  for (const key of Object.keys(meta)) {
    if (!INPUT_META_KEYS.has(key)) return `meta.${key} is not a meta field a caller may set`;
  }
  const m = meta as Record<string, unknown>;
  if (m.id !== undefined && (typeof m.id !== 'string' || m.id.length === 0 || m.id.length > 200))
    return 'meta.id must be a non-empty string of at most 200 characters';
  // Date.parse rolls 30 February over to March, so the time must also read back unchanged.
  if (m.at !== undefined && (typeof m.at !== 'string' || !ISO_UTC.test(m.at) || !readsBack(m.at)))
    return 'meta.at must be an ISO-8601 UTC time such as 2026-01-31T12:00:00.000Z';
  for (const key of ['causationId', 'correlationId'] as const) {
    if (m[key] !== undefined && (typeof m[key] !== 'string' || (m[key] as string).length === 0))
      return `meta.${key} must be a non-empty string`;
  }
  if (m.schema !== undefined && (!Number.isSafeInteger(m.schema) || (m.schema as number) < 1))
    return 'meta.schema must be a positive integer';
  if (m.sample !== undefined && typeof m.sample !== 'boolean') return 'meta.sample must be true or false';
  return undefined;
}

/** Why an input event cannot be appended, or undefined when it can. */
export function eventInputProblem(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'an event must be an object';
  const proto = Object.getPrototypeOf(input) as unknown;
  if (proto !== Object.prototype && proto !== null) return 'an event must be a plain object';
  for (const key of Object.keys(input)) {
    if (!INPUT_KEYS.has(key)) return `"${key}" is not an event key (only type, payload and meta are)`;
  }
  const e = input as Record<string, unknown>;
  if (typeof e.type !== 'string' || e.type.trim().length === 0) return 'type must be a non-empty string';
  if ('payload' in e) {
    const problem = jsonProblem(e.payload);
    if (problem) return problem;
  }
  return metaProblem(e.meta);
}

/** Throws InvalidEventError for the first bad event of a batch. */
export function assertValidBatch(events: unknown, stream: unknown): asserts events is EventInput[] {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > 200)
    throw new InvalidEventError('stream must be a non-empty string of at most 200 characters');
  if (!Array.isArray(events)) throw new InvalidEventError('events must be an array');
  events.forEach((event, index) => {
    const problem = eventInputProblem(event);
    if (problem) throw new InvalidEventError(problem, index);
  });
}

/** Bytes of an event's UTF-8 JSON form. */
export function jsonBytes(value: JsonValue | object): number {
  return utf8.encode(JSON.stringify(value)).length;
}

export function assertSize(event: object, index: number): void {
  const json = JSON.stringify(event);
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most events are far below the limit without encoding them.
  if (json.length * 3 <= MAX_EVENT_BYTES) return;
  const bytes = utf8.encode(json).length;
  if (bytes > MAX_EVENT_BYTES)
    throw new InvalidEventError(`the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes (1 MiB)`, index);
}

export type { EventInputMeta };
