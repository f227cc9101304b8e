import type { StoredEvent } from '../eventstore/index.ts';
import { currentSchema, isNewerEvent } from '../domain/schema/eventSchema.ts';

/** One kind of event a file holds that its reader does not know how to read. */
export interface NewerEventKind {
  type: string;
  /** How the app and `rewind-log verify` name it: the type, with the schema when that is what is newer ("FundsAdded schema 3"). */
  name: string;
  /** Set when the type is known but recorded at this schema, above the one this app writes. */
  schema?: number;
  count: number;
}

/**
 * The events of a file recorded by a newer version of Rewind: of a type this
 * app does not know, or of a known type at a schema above the one it writes.
 * They are kept as they are, never a reason to refuse a file.
 */
export interface NewerEvents {
  count: number;
  /** How many of them are known types at a newer schema. */
  newerSchemas: number;
  /** Each kind, in the order the file first holds it. */
  kinds: NewerEventKind[];
  /** The line of the first one. */
  firstLine?: number;
}

/**
 * Counts a file's newer events as it is read. `known` is an explicit list of
 * types (for files of other event sets: any schema of those types is known);
 * without it, Rewind's own types and schema versions decide.
 */
export class NewerEventsTally {
  private readonly kinds = new Map<string, NewerEventKind>();
  private count = 0;
  private newerSchemas = 0;
  private firstLine: number | undefined;

  constructor(private readonly known?: ReadonlySet<string>) {}

  /** Whether the event is one this reader does not know how to read. */
  isNewer(event: StoredEvent): boolean {
    return this.known ? !this.known.has(event.type) : isNewerEvent(event);
  }

  /** Counts an event `isNewer` said yes to. */
  add(event: StoredEvent, line: number): void {
    const schema = this.known || currentSchema(event.type) === undefined ? undefined : event.meta.schema;
    const key = schema === undefined ? event.type : `${event.type}\n${schema}`;
    const kind = this.kinds.get(key);
    if (kind) kind.count += 1;
    else
      this.kinds.set(key, schema === undefined ? { type: event.type, name: event.type, count: 1 } : { type: event.type, name: `${event.type} schema ${schema}`, schema, count: 1 });
    this.count += 1;
    if (schema !== undefined) this.newerSchemas += 1;
    this.firstLine ??= line;
  }

  get result(): NewerEvents {
    const result: NewerEvents = { count: this.count, newerSchemas: this.newerSchemas, kinds: [...this.kinds.values()] };
    if (this.firstLine !== undefined) result.firstLine = this.firstLine;
    return result;
  }
}
