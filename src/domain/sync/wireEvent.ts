import { isPlainObject } from '../../lib/isPlainObject.ts';
import { isIsoUtcTime } from '../../lib/isoTime.ts';
import { isNewerEvent, upcast } from '../schema/eventSchema.ts';
import { ledgerPayloadProblem } from '../accounts/payloadChecks.ts';
import type { WireEvent } from './protocol.ts';

/**
 * The wire event's shape, which both ends of sync check: the server on every
 * push, a device on every pull (the server is trusted with the secret, not
 * with what it sends). A stored event without seq, under the same rules for
 * every field as a file's events (src/files/eventRules.ts, which reaches the
 * event store and with it Dexie, so the server cannot load it).
 */
const META_KEYS = new Set(['id', 'stream', 'version', 'at', 'causationId', 'correlationId', 'schema', 'sample']);

const isPosition = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** Why `value` at `path` is not a wire event, naming the field; undefined when it is one. */
export function wireEventProblem(value: unknown, path: string): string | undefined {
  return wireEnvelopeProblem(value, path) ?? payloadProblem(value as WireEvent, path);
}

/** The same, but for the payload's shape: for a caller that runs the ledger's rules next, which check it. */
export function wireEnvelopeProblem(value: unknown, path: string): string | undefined {
  if (!isPlainObject(value)) return `${path} must be an event object { "type", "payload", "meta" }.`;
  for (const key of Object.keys(value)) if (key !== 'type' && key !== 'payload' && key !== 'meta') return `${path}.${key} is not an event field (only type, payload and meta are).`;
  if (typeof value.type !== 'string' || value.type.trim().length === 0) return `${path}.type must be a non-empty string.`;
  if (!('payload' in value)) return `${path}.payload is missing (an event without data has "payload": null).`;
  const meta = value.meta;
  if (!isPlainObject(meta)) return `${path}.meta must be an object.`;
  for (const key of Object.keys(meta)) if (!META_KEYS.has(key)) return `${path}.meta.${key} is not a meta field.`;
  if (!isName(meta.id)) return `${path}.meta.id must be a non-empty string of at most 200 characters.`;
  if (!isName(meta.stream)) return `${path}.meta.stream must be a non-empty string of at most 200 characters.`;
  if (!isPosition(meta.version)) return `${path}.meta.version must be a whole number of at least 1.`;
  if (typeof meta.at !== 'string' || !isIsoUtcTime(meta.at))
    return `${path}.meta.at must be an ISO-8601 UTC time such as 2026-01-31T12:00:00.000Z.`;
  for (const key of ['causationId', 'correlationId'] as const)
    if (meta[key] !== undefined && !isName(meta[key])) return `${path}.meta.${key} must be a non-empty string of at most 200 characters.`;
  if (meta.schema !== undefined && !isPosition(meta.schema)) return `${path}.meta.schema must be a whole number of at least 1.`;
  if (meta.sample !== undefined && typeof meta.sample !== 'boolean') return `${path}.meta.sample must be true or false.`;
  return undefined;
}

/** The domain's payload check, on the payload as this version reads it; events of a newer version pass as they are. */
function payloadProblem(event: WireEvent, path: string): string | undefined {
  if (isNewerEvent(event)) return undefined;
  const problem = ledgerPayloadProblem(upcast(event));
  return problem && `${path}.payload: ${problem}`;
}
