import type { JsonValue, SpaceEvent, WireEvent, WireMeta } from './types.ts';

/** What a wire event becomes in Emmett: `type`, `data` = payload, `metadata` = Rewind's meta, device and commit. */
export interface EmmettMessage {
  type: string;
  data: JsonValue;
  metadata: EmmettMetadata;
}

interface EmmettMetadata {
  rewind: WireMeta;
  device: string;
  commit: string;
  /** The payload's exact JSON where the store would reorder its keys (PostgreSQL's jsonb), so it comes back byte for byte. */
  payloadJson?: string;
  [key: string]: unknown;
}

export function toMessage(event: WireEvent, device: string, commit: string, reordersKeys: boolean): EmmettMessage {
  const metadata: EmmettMetadata = { rewind: event.meta, device, commit };
  if (reordersKeys && !keepsJsonbOrder(event.payload)) metadata.payloadJson = JSON.stringify(event.payload);
  return { type: event.type, data: event.payload, metadata };
}

/** A read Emmett message back as the space event it was stored as. */
export function fromMessage(message: { type: string; data: unknown; metadata: unknown }): SpaceEvent {
  const metadata = message.metadata as EmmettMetadata & { globalPosition: bigint };
  const payload = (metadata.payloadJson === undefined ? message.data : JSON.parse(metadata.payloadJson)) as JsonValue;
  return { position: Number(metadata.globalPosition), device: metadata.device, event: { type: message.type, payload, meta: inWireOrder(metadata.rewind) } };
}

/** Meta keys in the wire's order whatever order the store kept them in. */
export function inWireOrder(meta: WireMeta): WireMeta {
  const ordered: WireMeta = { id: meta.id, stream: meta.stream, version: meta.version, at: meta.at };
  if (meta.causationId !== undefined) ordered.causationId = meta.causationId;
  if (meta.correlationId !== undefined) ordered.correlationId = meta.correlationId;
  if (meta.schema !== undefined) ordered.schema = meta.schema;
  if (meta.sample !== undefined) ordered.sample = meta.sample;
  return ordered;
}

/** Whether jsonb gives this value back with its keys in the same order: jsonb sorts keys by length, then bytes. */
function keepsJsonbOrder(value: JsonValue): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keepsJsonbOrder);
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    // Non-ASCII keys compare differently as UTF-8 bytes and UTF-16 units: keep the text rather than guess.
    if (!/^[\x20-\x7e]*$/.test(key)) return false;
    if (previous !== undefined && (previous.length > key.length || (previous.length === key.length && previous >= key))) return false;
    if (!keepsJsonbOrder(value[key]!)) return false;
    previous = key;
  }
  return true;
}
