const LF = 0x0a;
const CR = 0x0d;

/**
 * Receives one line. `bytes` stay valid until the splitter is given the next
 * chunk. `lfFollows` says the byte after them in their buffer is the LF that
 * ended the line (not a CR that was removed, nor a copy made to join a line
 * split across chunks), so consecutive lines can be handled as one run of bytes.
 */
export type LineSink = (bytes: Uint8Array, line: number, lfFollows: boolean) => void;

/**
 * Splits a byte stream into lines without decoding it first. LF (0x0A) never
 * occurs inside a multi-byte UTF-8 sequence, so a character split across two
 * chunks always ends up whole in one line, and each line is then decoded on its
 * own. Working on bytes also gives each line's exact size (for the size limit)
 * and the bytes the digest is defined over, without encoding the text again.
 *
 * Tolerant of what editors do to text files: a UTF-8 byte-order mark before line
 * 1 and CR before LF are removed (and reported), a last line without LF is taken.
 * A line longer than the limit stops the read before it is buffered further, so a
 * huge file without newlines never fills memory.
 */
export class LineSplitter {
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  private lineNo = 0;
  /** Line 1 started with a UTF-8 byte-order mark, which was removed. */
  bomRemoved = false;
  /** The first line that ended in CR LF, when any did. */
  firstCrlfLine: number | undefined;
  /** The file's last line had no LF after it. */
  missingFinalNewline = false;

  constructor(
    private readonly maxLineBytes: (line: number) => number,
    private readonly onTooLong: (line: number) => never,
  ) {}

  /** How many lines have been handed out so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Hands every complete line in `chunk` to `sink`. */
  push(chunk: Uint8Array, sink: LineSink): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(LF, start);
      if (end === -1) break;
      const piece = chunk.subarray(start, end);
      if (this.carryBytes === 0) {
        this.emit(piece, sink, true);
      } else {
        this.carry.push(piece);
        this.carryBytes += piece.length;
        this.emit(this.takeCarry(), sink, false);
      }
      start = end + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      // +1: a line may still lose a trailing CR.
      if (this.carryBytes + rest.length > this.maxLineBytes(this.lineNo + 1) + 1) this.onTooLong(this.lineNo + 1);
      // Copied: a source may reuse its chunk buffers.
      this.carry.push(rest.slice());
      this.carryBytes += rest.length;
    }
  }

  /** Hands out the last line when the file does not end with LF. */
  finish(sink: LineSink): void {
    if (this.carryBytes === 0) return;
    this.missingFinalNewline = true;
    this.emit(this.takeCarry(), sink, false);
  }

  private takeCarry(): Uint8Array {
    const joined = new Uint8Array(this.carryBytes);
    let offset = 0;
    for (const part of this.carry) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.carry = [];
    this.carryBytes = 0;
    return joined;
  }

  private emit(bytes: Uint8Array, sink: LineSink, inChunk: boolean): void {
    this.lineNo += 1;
    let line = bytes;
    if (this.lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) {
      line = line.subarray(3);
      this.bomRemoved = true;
    }
    let lfFollows = inChunk;
    if (line.length > 0 && line[line.length - 1] === CR) {
      line = line.subarray(0, line.length - 1);
      this.firstCrlfLine ??= this.lineNo;
      lfFollows = false;
    }
    if (line.length > this.maxLineBytes(this.lineNo)) this.onTooLong(this.lineNo);
    sink(line, this.lineNo, lfFollows);
  }
}
