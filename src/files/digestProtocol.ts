import type { LinesPart } from '../eventstore/index.ts';

/** What the main thread sends the hashing worker (digestWorker.ts); it answers each in order. */
export type DigestRequest =
  /** Event lines, each part of whole lines, as text or UTF-8 (their buffers transferred): answered with `taken`. */
  | { kind: 'lines'; parts: LinesPart[] }
  /** The first `length` bytes of `buffer` (transferred) hold whole lines: answered with `returned`, the buffer handed back for reuse. */
  | { kind: 'bytes'; buffer: ArrayBuffer; length: number }
  | { kind: 'finish' };

export type DigestReply =
  | { kind: 'ready' }
  | { kind: 'taken'; bytes: number }
  | { kind: 'returned'; buffer: ArrayBuffer }
  | { kind: 'done'; sha256: string; bytes: number; blob: Blob }
  | { kind: 'failed'; message: string };
