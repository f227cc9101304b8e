import { MAX_EVENT_BYTES, eventInputProblem, type StoredEvent } from '../eventstore/index.ts';
import { isPlainObject } from '../lib/isPlainObject.ts';
import { isIsoUtcTime } from '../lib/isoTime.ts';

const EVENT_KEYS = new Set(['type', 'payload', 'meta']);
const STORED_META_KEYS = new Set(['id', 'seq', 'stream', 'version', 'at', 'causationId', 'correlationId', 'schema', 'sample']);
/** Meta a caller may set on append: checked by the event store's own rules. */
const INPUT_META_KEYS = ['id', 'at', 'causationId', 'correlationId', 'schema', 'sample'] as const;

const isPosition = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const isName = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isOptionalText = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length > 0);

/**
 * The rules of `eventRuleProblem` as one cheap pass, for the million events of
 * a file: no key sets, no object built for the event store's checks, no Date
 * round trip. Yes only for an event the rules accept; the fuzz tests hold the
 * two to giving the same answer for any parsed JSON.
 */
export function isWellFormedEvent(value: unknown): boolean {
  if (!isPlainObject(value) || !('payload' in value)) return false;
  for (const key in value) if (key !== 'type' && key !== 'payload' && key !== 'meta') return false;
  const { type, meta } = value;
  if (typeof type !== 'string' || type.trim().length === 0 || !isPlainObject(meta)) return false;
  for (const key in meta) if (!STORED_META_KEYS.has(key)) return false;
  return (
    isName(meta.id) &&
    typeof meta.at === 'string' &&
    isIsoUtcTime(meta.at) &&
    isPosition(meta.seq) &&
    isPosition(meta.version) &&
    isName(meta.stream) &&
    isOptionalText(meta.causationId) &&
    isOptionalText(meta.correlationId) &&
    (meta.schema === undefined || isPosition(meta.schema)) &&
    (meta.sample === undefined || typeof meta.sample === 'boolean')
  );
}

/** Why a parsed line is not a stored event, or undefined when it is one: the quick check, then the rules for the reason. */
export function storedEventProblem(value: unknown): string | undefined {
  return isWellFormedEvent(value) ? undefined : eventRuleProblem(value);
}

/**
 * The rules a stored event follows, each with its reason: the event store's
 * (it checks type and the meta a caller may set), plus the positions the store
 * assigns. The payload needs no walk: a value that JSON.parse produced is plain
 * JSON by construction.
 */
export function eventRuleProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'the line is not an event: an event is a JSON object { "type", "payload", "meta" }.';
  for (const key of Object.keys(value)) {
    if (!EVENT_KEYS.has(key)) return `"${key}" is not an event key (only type, payload and meta are).`;
  }
  if (!('payload' in value)) return 'the event has no "payload" (an event without data has "payload": null).';
  const meta = value.meta;
  if (!isPlainObject(meta)) return 'the event has no "meta" object.';
  for (const key of Object.keys(meta)) {
    if (!STORED_META_KEYS.has(key)) return `meta.${key} is not a meta field.`;
  }
  if (meta.id === undefined) return 'meta.id is missing: every event has an id.';
  if (meta.at === undefined) return 'meta.at is missing: every event records when it happened.';
  if (!isPosition(meta.seq)) return 'meta.seq must be a whole number of at least 1.';
  if (!isPosition(meta.version)) return 'meta.version must be a whole number of at least 1.';
  if (typeof meta.stream !== 'string' || meta.stream.length === 0 || meta.stream.length > 200)
    return 'meta.stream must be a non-empty string of at most 200 characters.';
  const inputMeta: Record<string, unknown> = {};
  for (const key of INPUT_META_KEYS) if (key in meta) inputMeta[key] = meta[key];
  const problem = eventInputProblem({ type: value.type, meta: inputMeta });
  return problem === undefined ? undefined : `${problem}.`;
}

/** The event store's size limit, measured as compact UTF-8 JSON (a line may carry extra spaces). */
export function sizeProblem(event: StoredEvent, lineBytes: number, encoder: TextEncoder): string | undefined {
  if (lineBytes <= MAX_EVENT_BYTES) return undefined;
  const bytes = encoder.encode(JSON.stringify(event)).length;
  if (bytes <= MAX_EVENT_BYTES) return undefined;
  return `the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes (1 MiB).`;
}

/** The event as the store keeps it: exactly type, payload and meta, in that order. */
export function asStoredEvent(value: Record<string, unknown>): StoredEvent {
  return { type: value.type, payload: value.payload, meta: value.meta } as StoredEvent;
}
