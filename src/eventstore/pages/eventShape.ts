/**
 * Why a value read back from storage is not a stored event at `seq`, or
 * undefined when it is one: what every reader of the log relies on (type,
 * payload, meta with id, seq, stream, version and time), not the full rules
 * of the file reader (src/files/eventRules.ts), which cost too much to check
 * for every event of a replay. Damage that keeps this shape is what the
 * checksums are for.
 */
export function eventShapeProblem(value: unknown, seq: number): string | undefined {
  if (typeof value !== 'object' || value === null) return `it is ${value === null ? 'null' : typeof value}, not an event`;
  const { type, payload, meta } = value as { type?: unknown; payload?: unknown; meta?: { [key: string]: unknown } | null };
  if (typeof type !== 'string') return 'its type is not text';
  if (payload === undefined) return 'it has no payload';
  if (typeof meta !== 'object' || meta === null) return 'it has no meta';
  if (meta.seq !== seq) return `its seq is ${JSON.stringify(meta.seq) ?? 'missing'} where ${seq} belongs`;
  if (typeof meta.id !== 'string' || typeof meta.stream !== 'string' || typeof meta.at !== 'string') return 'its id, stream or time is not text';
  if (!Number.isSafeInteger(meta.version)) return 'its version is not a whole number';
  return undefined;
}
