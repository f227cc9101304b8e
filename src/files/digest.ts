import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const LF = new Uint8Array([0x0a]);

/**
 * The file digest, computed as lines go by: SHA-256 over every event line's
 * UTF-8 bytes, each followed by one LF. Incremental, so memory stays flat
 * whatever the file's size; @noble/hashes runs the same in the browser and Node.
 */
export class LineDigest {
  private readonly hash = sha256.create();

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
    return bytesToHex(this.hash.digest());
  }
}
