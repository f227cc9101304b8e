/**
 * The event store's public vocabulary. Events are Flux-Standard-Action shaped,
 * language-agnostic JSON: `{ type, payload, meta }` and nothing else.
 */

/** Any value JSON can carry. `undefined`, NaN, Infinity, Dates, class instances are not JSON. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Metadata the store assigns or keeps for every stored event. */
export interface EventMeta {
  /** Unique across the log; the caller may give it, otherwise the store makes a UUID. */
  id: string;
  /** Global position: 1, 2, 3… gapless, in commit order. */
  seq: number;
  /** The stream the event belongs to (an aggregate, e.g. `account-1234…`). */
  stream: string;
  /** Position within its stream; the stream's first event is 1. */
  version: number;
  /** ISO-8601 UTC time the event was recorded. */
  at: string;
  /** Id of the event or command that caused this one. */
  causationId?: string;
  /** Id shared by every event of one flow. */
  correlationId?: string;
  /** Schema version of the event type's payload; absent means 1. */
  schema?: number;
  /**
   * Never stored: set by a reader that lifted an older event to its type's
   * current schema, to the version the log holds it in. The store refuses it on
   * input, so a lifted event cannot be written back in place of the original.
   */
  upcastFrom?: number;
  /** Marks events generated as sample data, so people can tell them apart. */
  sample?: boolean;
}

/** A stored event, exactly as it is kept and exported. */
export interface StoredEvent<T extends string = string, P extends JsonValue = JsonValue> {
  type: T;
  payload: P;
  meta: EventMeta;
}

/** Meta a caller may set when appending; the store assigns seq, stream and version. */
export type EventInputMeta = Partial<Pick<EventMeta, 'id' | 'at' | 'causationId' | 'correlationId' | 'schema' | 'sample'>>;

/** What a caller hands to `append`: the store fills in the rest of meta. */
export interface EventInput<T extends string = string, P extends JsonValue = JsonValue> {
  type: T;
  payload?: P;
  meta?: EventInputMeta;
}

/**
 * - `'any'`: no check.
 * - `'no_stream'`: the stream must not exist (same as 0).
 * - `'stream_exists'`: the stream must hold at least one event.
 * - a number n: the stream holds exactly n events now.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  firstSeq: number;
  lastSeq: number;
  /** The stream's version after the append. */
  version: number;
}

export interface StreamBatch {
  stream: string;
  events: EventInput[];
  expectedVersion?: ExpectedVersion;
}

/**
 * A process manager's position, written in the same transaction as the events
 * it emitted, so a crash can never record one without the other.
 */
export interface CheckpointWrite {
  name: string;
  seq: number;
}

export interface AppendManyOptions {
  checkpoint?: CheckpointWrite;
}

export type Direction = 'forward' | 'backward';

export interface ReadStreamOptions {
  /** Inclusive; defaults to 1 (forward) or the stream's last version (backward). */
  fromVersion?: number;
  /** Inclusive bound on the other side. */
  toVersion?: number;
  limit?: number;
  direction?: Direction;
}

export interface ReadAllOptions {
  /** Inclusive. */
  fromSeq?: number;
  /** Inclusive. */
  toSeq?: number;
  limit?: number;
  direction?: Direction;
}

export interface StreamInfo {
  stream: string;
  version: number;
  lastSeq: number;
}

export type Unsubscribe = () => void;
export type SubscriptionHandler = (events: StoredEvent[]) => void | Promise<void>;
