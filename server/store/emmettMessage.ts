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
  /**
   * The payload's exact JSON where PostgreSQL's jsonb would reorder its keys. Not written: pulls send the
   * feed's text (feed.ts). An older database may hold it, and a feed filled from that database reads it.
   */
  payloadJson?: string;
  [key: string]: unknown;
}

export function toMessage(event: WireEvent, device: string, commit: string): EmmettMessage {
  return { type: event.type, data: event.payload, metadata: { rewind: event.meta, device, commit } };
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
