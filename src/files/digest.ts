import { createSHA256, type IHasher } from 'hash-wasm';

const LF = new Uint8Array([0x0a]);

/**
 * The file digest: SHA-256 over every event line's UTF-8 bytes, each followed
 * by one LF, computed as the bytes go by so memory stays flat whatever the
 * file's size. At a million events hashing is the largest single cost of both
 * export and import, so it runs in WebAssembly (hash-wasm, about twice the
 * speed of SHA-256 in JavaScript), fed whole runs of lines where it can. Only
 * the file code (loaded on demand) and its worker import this module.
 */
export class LineDigest {
  private constructor(private readonly hash: IHasher) {}

  static async create(): Promise<LineDigest> {
    return new LineDigest((await createSHA256()).init());
  }

  /** Adds one event line (without its line end). */
  addLine(line: Uint8Array): void {
    this.hash.update(line);
    this.hash.update(LF);
  }

  /** Adds bytes that already hold whole lines, each ending in LF. */
  addLines(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
