import type { LinesPart } from '../eventstore/index.ts';
import { LineDigest } from './digest.ts';

/** What a file's event lines add up to once they are all in. */
export interface BodyTotals {
  sha256: string;
  bytes: number;
  /** The lines given to `addLines`, as one Blob (empty for an import, which only hashes). */
  blob: Blob;
}

/** Lines are gathered up to this many bytes before they become one Blob part: a Blob per page is slower. */
export const STAGE_BYTES = 8 * 1024 * 1024;

/**
 * The work on a file's event lines that needs neither the store nor the
 * checks: UTF-8 encoding (export, of lines not stored as bytes), SHA-256, and
 * keeping the bytes as Blob parts (export). It runs in the hashing worker
 * (digestWorker.ts) or, where there are no workers, in the calling thread.
 */
export class BodyDigest {
  private readonly encoder = new TextEncoder();
  private readonly parts: Blob[] = [];
  /**
   * The lines not yet in a Blob part. A Blob copies its bytes when it is made,
   * so the stage is reused for the whole file; encoding into one buffer also
   * spares allocating a fresh one per chunk.
   */
  private stage: Uint8Array<ArrayBuffer> | undefined;
  private staged = 0;
  private bytes = 0;

  private constructor(private readonly digest: LineDigest) {}

  static async create(): Promise<BodyDigest> {
    return new BodyDigest(await LineDigest.create());
  }

  /** Hashes lines (each ending in LF) and keeps their bytes, encoding them first when they are text; returns how many bytes they took. */
  addLines(lines: LinesPart): number {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = typeof lines === 'string' ? lines.length * 3 : lines.length;
    if (this.staged + room > STAGE_BYTES) this.flush();
    const chunk = room > STAGE_BYTES ? this.keepAlone(lines) : this.put(lines);
    this.digest.addLines(chunk);
    this.bytes += chunk.length;
    return chunk.length;
  }

  /** Hashes bytes that hold whole lines, each ending in LF, without keeping them (import). */
  addBytes(bytes: Uint8Array): void {
    this.digest.addLines(bytes);
    this.bytes += bytes.length;
  }

  finish(): BodyTotals {
    this.flush();
    return { sha256: this.digest.hex(), bytes: this.bytes, blob: new Blob(this.parts) };
  }

  /** Adds lines to the stage; returns where they landed in it. */
  private put(lines: LinesPart): Uint8Array {
    this.stage ??= new Uint8Array(STAGE_BYTES);
    const at = this.staged;
    if (typeof lines === 'string') this.staged += this.encoder.encodeInto(lines, this.stage.subarray(at)).written;
    else {
      this.stage.set(lines, at);
      this.staged += lines.length;
    }
    return this.stage.subarray(at, this.staged);
  }

  /** Lines too long for the stage (which was flushed before them) become a part of their own. */
  private keepAlone(lines: LinesPart): Uint8Array {
    const chunk = typeof lines === 'string' ? this.encoder.encode(lines) : lines;
    this.parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    return chunk;
  }

  private flush(): void {
    if (this.staged === 0) return;
    // A Blob copies its bytes out of the JS heap (browsers move large ones to disk).
    this.parts.push(new Blob([this.stage!.subarray(0, this.staged)]));
    this.staged = 0;
  }
}
