import type { EventLines, LinesPart, StoredEvent } from '../eventstore/index.ts';
import { openBodyHasher, type BodyHasher } from './bodyHasher.ts';
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

/** Chunks handed to the hasher and not yet taken: enough to keep it busy, few enough to bound memory. */
const MAX_QUEUED = 2;

/**
 * The event lines of a file as they are written, in the one canonical form:
 * `JSON.stringify({ type, payload, meta })` of each event exactly as stored,
 * UTF-8, LF after every line, no BOM. Each chunk goes to the hasher (a worker
 * in a browser), which encodes it (unless it is bytes already), hashes it and
 * keeps it in Blob parts (a Blob's bytes live outside the JS heap; browsers
 * move large ones to disk), so nothing holds more than a few chunks. It
 * refuses events out of seq order or with a gap, which the reader would refuse.
 */
export class FileBody {
  private readonly consecutive: boolean;
  private readonly queued: Promise<number>[] = [];
  private count = 0;
  private firstSeq = 0;
  private lastSeq = 0;
  private bytes = 0;

  private constructor(
    private readonly hasher: BodyHasher,
    selection: LogSelection,
  ) {
    this.consecutive = hasConsecutiveSeqs(selection);
  }

  static async create(selection: LogSelection): Promise<FileBody> {
    return new FileBody(await openBodyHasher(), selection);
  }

  /** Adds events (in seq order) one by one: each is checked against the event rules and stringified. */
  async addEvents(events: readonly StoredEvent[]): Promise<void> {
    let text = '';
    for (const event of events) {
      const problem = storedEventProblem(event);
      if (problem) throw new Error(`Cannot export the event at seq ${event.meta?.seq}: ${problem}`);
      this.follow(event.meta.seq, event.meta.seq, 1);
      text += `${JSON.stringify({ type: event.type, payload: event.payload, meta: event.meta })}\n`;
    }
    await this.add([text]);
  }

  /**
   * Adds the store's own lines of consecutive events, as they are: the store
   * wrote them in the canonical form when it sealed them, so there is nothing
   * to parse, check or stringify again. Their byte parts are handed over (see
   * BodyHasher.addLines).
   */
  async addLines({ parts, firstSeq, lastSeq, count }: EventLines): Promise<void> {
    if (count === 0) return;
    if (count !== lastSeq - firstSeq + 1 || !endsWithLf(parts[parts.length - 1]))
      throw new Error(`Cannot export seqs ${firstSeq} to ${lastSeq}: the log read back ${count} events for them.`);
    this.follow(firstSeq, lastSeq, count);
    await this.add(parts);
  }

  get eventCount(): number {
    return this.count;
  }

  /** The bytes the hasher has taken so far. */
  get byteCount(): number {
    return this.bytes;
  }

  /** The lines' count, range and digest, and their bytes as one Blob. */
  async finish(): Promise<WrittenEvents & { blob: Blob }> {
    await Promise.all(this.queued.splice(0));
    const totals = await this.hasher.finish();
    return { eventCount: this.count, firstSeq: this.firstSeq, lastSeq: this.lastSeq, sha256: totals.sha256, bytes: totals.bytes, blob: totals.blob };
  }

  /** Stops the hasher: after a cancel or an error, or once finished. */
  close(): void {
    this.hasher.close();
  }

  private follow(firstSeq: number, lastSeq: number, count: number): void {
    if (this.count > 0 && (firstSeq <= this.lastSeq || (this.consecutive && firstSeq !== this.lastSeq + 1)))
      throw new Error(`Cannot export seq ${firstSeq} after seq ${this.lastSeq}: the log read back out of order or with a gap.`);
    if (this.count === 0) this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
    this.count += count;
  }

  private async add(parts: readonly LinesPart[]): Promise<void> {
    const taken = this.hasher.addLines(parts).then((bytes) => (this.bytes += bytes));
    // Awaited below or in finish, unless the export stops first.
    taken.catch(() => undefined);
    this.queued.push(taken);
    while (this.queued.length > MAX_QUEUED) await this.queued.shift();
  }
}

function endsWithLf(part: LinesPart | undefined): boolean {
  return typeof part === 'string' ? part.endsWith('\n') : part?.[part.length - 1] === 0x0a;
}

/** The whole file: the header line, then the event lines. */
export function fileBlob(header: LogFileHeader, events: Blob): Blob {
  return new Blob([encodeHeaderLine(header) as Uint8Array<ArrayBuffer>, events], { type: MEDIA_TYPE });
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
