import type { LinesPart } from './bodyHasher.ts';
import { LineDigest } from './digest.ts';

/** What a file's event lines add up to once they are all in. */
export interface BodyTotals {
  sha256: string;
  bytes: number;
  /** The lines given to `addLines`, as one Blob (empty for an import, which only hashes). */
  blob: Blob;
}

/**
 * The work on a file's event lines that needs neither the store nor the
 * checks: UTF-8 encoding (export, of lines not stored as bytes), SHA-256, and
 * keeping the bytes as Blob parts (export). It runs in the hashing worker
 * (digestWorker.ts) or, where there are no workers, in the calling thread.
 */
export class BodyDigest {
  private readonly encoder = new TextEncoder();
  private readonly parts: Blob[] = [];
  /** Kept for the whole file: encoding into it is twice as fast as a fresh buffer per chunk (measured in Chromium). */
  private scratch = new Uint8Array(0);
  private bytes = 0;

  private constructor(private readonly digest: LineDigest) {}

  static async create(): Promise<BodyDigest> {
    return new BodyDigest(await LineDigest.create());
  }

  /** Hashes lines (each ending in LF) and keeps their bytes as a part, encoding them first when they are text; returns how many bytes they took. */
  addLines(lines: LinesPart): number {
    const chunk = typeof lines === 'string' ? this.encode(lines) : lines;
    this.digest.addLines(chunk);
    this.bytes += chunk.length;
    // A Blob copies its bytes out of the JS heap (browsers move large ones to disk).
    this.parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    return chunk.length;
  }

  /** Hashes bytes that hold whole lines, each ending in LF, without keeping them (import). */
  addBytes(bytes: Uint8Array): void {
    this.digest.addLines(bytes);
    this.bytes += bytes.length;
  }

  finish(): BodyTotals {
    return { sha256: this.digest.hex(), bytes: this.bytes, blob: new Blob(this.parts) };
  }

  private encode(text: string): Uint8Array {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    return this.scratch.subarray(0, this.encoder.encodeInto(text, this.scratch).written);
  }
}
