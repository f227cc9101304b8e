import type { StoredEvent } from '../eventstore/index.ts';
import { LineDigest } from './digest.ts';
import { storedEventProblem } from './eventRules.ts';
import { FORMAT_NAME, FORMAT_VERSION, hasConsecutiveSeqs, type LogFileHeader, type LogSelection } from './format.ts';

/** What the event lines written so far add up to: the header's content. */
export interface WrittenEvents {
  eventCount: number;
  firstSeq: number;
  lastSeq: number;
  sha256: string;
  bytes: number;
}

/**
 * Writes event lines in the one canonical form: `JSON.stringify({ type, payload,
 * meta })` of the event exactly as stored, UTF-8, LF after every line, no BOM.
 * Strict: it refuses an event that breaks the event rules or the seq order, so
 * it never writes a file the reader would reject. One page of events becomes one
 * encoded chunk, hashed as it is made; nothing holds more than one page.
 */
export class EventLineWriter {
  private readonly digest = new LineDigest();
  private readonly encoder = new TextEncoder();
  private readonly consecutive: boolean;
  private count = 0;
  private firstSeq = 0;
  private lastSeq = 0;
  private bytes = 0;

  constructor(selection: LogSelection) {
    this.consecutive = hasConsecutiveSeqs(selection);
  }

  /** Encodes a page of events (in seq order) as event lines. */
  encodePage(events: readonly StoredEvent[]): Uint8Array {
    let text = '';
    for (const event of events) {
      const problem = storedEventProblem(event);
      if (problem) throw new Error(`Cannot export the event at seq ${event.meta?.seq}: ${problem}`);
      const { seq } = event.meta;
      if (this.count > 0 && (seq <= this.lastSeq || (this.consecutive && seq !== this.lastSeq + 1)))
        throw new Error(`Cannot export seq ${seq} after seq ${this.lastSeq}: the log read back out of order or with a gap.`);
      if (this.count === 0) this.firstSeq = seq;
      this.lastSeq = seq;
      this.count += 1;
      text += `${JSON.stringify({ type: event.type, payload: event.payload, meta: event.meta })}\n`;
    }
    const chunk = this.encoder.encode(text);
    this.digest.addLines(chunk);
    this.bytes += chunk.length;
    return chunk;
  }

  get eventCount(): number {
    return this.count;
  }

  finish(): WrittenEvents {
    return { eventCount: this.count, firstSeq: this.firstSeq, lastSeq: this.lastSeq, sha256: this.digest.hex(), bytes: this.bytes };
  }
}

export interface HeaderInfo {
  selection: LogSelection;
  appVersion: string;
  exportedAt: string;
  /** For a what-if scenario: the seq it branches from, and its name. */
  hypothetical?: { baseSeq: number; scenario?: string };
}

export function buildHeader(written: WrittenEvents, info: HeaderInfo): LogFileHeader {
  const header: LogFileHeader = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: info.appVersion,
    exportedAt: info.exportedAt,
    eventCount: written.eventCount,
    firstSeq: written.firstSeq,
    lastSeq: written.lastSeq,
    sha256: written.sha256,
    selection: info.selection,
  };
  if (info.hypothetical) {
    header.hypothetical = true;
    header.baseSeq = info.hypothetical.baseSeq;
    if (info.hypothetical.scenario !== undefined) header.scenario = info.hypothetical.scenario;
  }
  return header;
}

export function encodeHeaderLine(header: LogFileHeader): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(header)}\n`);
}
