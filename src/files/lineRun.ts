/** Lines gathered by `LineRun`: their bytes with an LF after each, the first one's number, and each one's length. */
export interface GatheredLines {
  bytes: Uint8Array;
  firstLine: number;
  lengths: number[];
}

/**
 * Gathers consecutive lines that lie one after another in one buffer, each
 * followed by its LF, so a whole run of them is hashed and decoded in one call:
 * in Chromium, a TextDecoder call per line costs more than the decoding itself.
 */
export class LineRun {
  private buffer: ArrayBufferLike | undefined;
  private start = 0;
  private end = 0;
  private firstLine = 0;
  private lengths: number[] = [];

  /**
   * Adds a line whose LF follows it in its buffer. False when it does not
   * continue the run: take the run, then add the line again to start the next.
   */
  add(bytes: Uint8Array, line: number): boolean {
    if (this.buffer === undefined) {
      this.buffer = bytes.buffer;
      this.start = bytes.byteOffset;
      this.end = bytes.byteOffset;
      this.firstLine = line;
    } else if (bytes.buffer !== this.buffer || bytes.byteOffset !== this.end) {
      return false;
    }
    this.end += bytes.length + 1;
    this.lengths.push(bytes.length);
    return true;
  }

  /** The lines gathered so far (none: undefined), and a fresh start. Their bytes are the source's: use them before it reads on. */
  take(): GatheredLines | undefined {
    if (this.buffer === undefined) return undefined;
    const lines = { bytes: new Uint8Array(this.buffer, this.start, this.end - this.start), firstLine: this.firstLine, lengths: this.lengths };
    this.buffer = undefined;
    this.lengths = [];
    return lines;
  }
}
