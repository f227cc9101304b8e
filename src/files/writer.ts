import type { EventLines, StoredEvent } from '../eventstore/index.ts';
import { LineDigest } from './digest.ts';
import { storedEventProblem } from './eventRules.ts';
import { FORMAT_NAME, FORMAT_VERSION, MEDIA_TYPE, hasConsecutiveSeqs, type LogFileHeader, type LogSelection } from './format.ts';

/** What the event lines written so far add up to: the header's content. */
export interface WrittenEvents {
  eventCount: number;
  firstSeq: number;
  lastSeq: number;
  sha256: string;
  bytes: number;
}

/**
 * The event lines of a file as they are written, in the one canonical form:
 * `JSON.stringify({ type, payload, meta })` of each event exactly as stored,
 * UTF-8, LF after every line, no BOM. Each chunk is encoded once, hashed and
 * copied into a Blob part (a Blob's bytes live outside the JS heap; browsers
 * move large ones to disk), so nothing holds more than a chunk. It refuses
 * events out of seq order or with a gap, which the reader would refuse.
 */
export class FileBody {
  private readonly encoder = new TextEncoder();
  private readonly consecutive: boolean;
  private readonly parts: Blob[] = [];
  /** Kept for the whole file: encoding into it is twice as fast as a fresh buffer per chunk (measured in Chromium). */
  private scratch = new Uint8Array(0);
  private count = 0;
  private firstSeq = 0;
  private lastSeq = 0;
  private bytes = 0;

  private constructor(
    private readonly digest: LineDigest,
    selection: LogSelection,
  ) {
    this.consecutive = hasConsecutiveSeqs(selection);
  }

  static async create(selection: LogSelection): Promise<FileBody> {
    return new FileBody(await LineDigest.create(), selection);
  }

  /** Adds events (in seq order) one by one: each is checked against the event rules and stringified. */
  addEvents(events: readonly StoredEvent[]): void {
    let text = '';
    for (const event of events) {
      const problem = storedEventProblem(event);
      if (problem) throw new Error(`Cannot export the event at seq ${event.meta?.seq}: ${problem}`);
      this.follow(event.meta.seq, event.meta.seq, 1);
      text += `${JSON.stringify({ type: event.type, payload: event.payload, meta: event.meta })}\n`;
    }
    this.add(text);
  }

  /**
   * Adds the store's own lines of consecutive events, as they are: the store
   * wrote them in the canonical form when it sealed them, so there is nothing
   * to parse, check or stringify again.
   */
  addLines({ text, firstSeq, lastSeq, count }: EventLines): void {
    if (count === 0) return;
    if (count !== lastSeq - firstSeq + 1 || !text.endsWith('\n'))
      throw new Error(`Cannot export seqs ${firstSeq} to ${lastSeq}: the log read back ${count} events for them.`);
    this.follow(firstSeq, lastSeq, count);
    this.add(text);
  }

  get eventCount(): number {
    return this.count;
  }

  get byteCount(): number {
    return this.bytes;
  }

  finish(): WrittenEvents {
    return { eventCount: this.count, firstSeq: this.firstSeq, lastSeq: this.lastSeq, sha256: this.digest.hex(), bytes: this.bytes };
  }

  /** The whole file: the header line, then the event lines. */
  toBlob(header: LogFileHeader): Blob {
    return new Blob([encodeHeaderLine(header), ...this.parts] as BlobPart[], { type: MEDIA_TYPE });
  }

  private follow(firstSeq: number, lastSeq: number, count: number): void {
    if (this.count > 0 && (firstSeq <= this.lastSeq || (this.consecutive && firstSeq !== this.lastSeq + 1)))
      throw new Error(`Cannot export seq ${firstSeq} after seq ${this.lastSeq}: the log read back out of order or with a gap.`);
    if (this.count === 0) this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
    this.count += count;
  }

  private add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    const chunk = this.scratch.subarray(0, this.encoder.encodeInto(text, this.scratch).written);
    this.digest.addLines(chunk);
    this.bytes += chunk.length;
    this.parts.push(new Blob([chunk]));
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
