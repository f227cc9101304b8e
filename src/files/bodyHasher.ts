import { BodyDigest, type BodyTotals } from './bodyDigest.ts';
import type { LinesPart } from '../eventstore/index.ts';
import type { DigestReply, DigestRequest } from './digestProtocol.ts';

/**
 * Takes a file's event lines off the caller's hands: encoded (when given as
 * text), hashed and, for an export, kept as the file's bytes. In a browser this
 * is a worker on the other core, so reading the store or parsing the file never
 * waits for SHA-256; elsewhere (Node, tests) the same work runs in this thread.
 */
export interface BodyHasher {
  /**
   * Event lines to keep (export): resolves with their UTF-8 size once they are
   * taken. Byte parts are handed over: a worker takes their buffers, which are
   * then detached here, so they must be the caller's own and used no more.
   */
  addLines(parts: readonly LinesPart[]): Promise<number>;
  /** Bytes that hold whole lines, each ending in LF. Used or copied at once: the caller may reuse them. */
  addBytes(bytes: Uint8Array): void;
  finish(): Promise<BodyTotals>;
  /** Stops the work (a cancel, an error); nothing may be added after. */
  close(): void;
}

export async function openBodyHasher(): Promise<BodyHasher> {
  if (typeof Worker === 'function') {
    try {
      return await WorkerHasher.start();
    } catch {
      // No worker here (a policy, an old engine): the same work in this thread.
    }
  }
  return new InThreadHasher(await BodyDigest.create());
}

class InThreadHasher implements BodyHasher {
  constructor(private readonly body: BodyDigest) {}

  addLines(parts: readonly LinesPart[]): Promise<number> {
    return Promise.resolve(parts.reduce((bytes, part) => bytes + this.body.addLines(part), 0));
  }

  addBytes(bytes: Uint8Array): void {
    this.body.addBytes(bytes);
  }

  finish(): Promise<BodyTotals> {
    return Promise.resolve(this.body.finish());
  }

  close(): void {}
}

/** Bytes are gathered into buffers of this size before they go to the worker: one message per MiB, not per run of lines. */
const BUFFER_BYTES = 1024 * 1024;

interface Waiting<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

class WorkerHasher implements BodyHasher {
  /** Lines sent and not yet taken, oldest first: the worker answers in order. */
  private readonly taking: Waiting<number>[] = [];
  private finishing: Waiting<BodyTotals> | undefined;
  private failure: Error | undefined;
  /** Buffers the worker handed back, for the next bytes. */
  private readonly spare: ArrayBuffer[] = [];
  private buffer: Uint8Array<ArrayBuffer> | undefined;
  private filled = 0;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = ({ data }: MessageEvent<DigestReply>) => this.receive(data);
    worker.onerror = (event) => this.fail(new Error(`The hashing worker failed: ${event.message}`));
  }

  static start(): Promise<WorkerHasher> {
    const worker = new Worker(new URL('./digestWorker.ts', import.meta.url), { type: 'module' });
    return new Promise((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<DigestReply>) => {
        if (data.kind === 'ready') resolve(new WorkerHasher(worker));
        else {
          worker.terminate();
          reject(new Error(data.kind === 'failed' ? data.message : `unexpected ${data.kind}`));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message));
      };
    });
  }

  addLines(parts: readonly LinesPart[]): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    // Moved, not copied: a page's lines are large. Each buffer once, though parts may share one.
    const buffers = new Set<ArrayBuffer>();
    for (const part of parts) if (typeof part !== 'string' && part.buffer instanceof ArrayBuffer) buffers.add(part.buffer);
    return new Promise((resolve, reject) => {
      this.taking.push({ resolve, reject });
      this.send({ kind: 'lines', parts: [...parts] }, [...buffers]);
    });
  }

  addBytes(bytes: Uint8Array): void {
    if (this.failure) throw this.failure;
    if (bytes.length > BUFFER_BYTES) {
      this.flush();
      const copy = bytes.slice();
      this.send({ kind: 'bytes', buffer: copy.buffer, length: copy.length }, [copy.buffer]);
      return;
    }
    if (this.buffer && this.filled + bytes.length > BUFFER_BYTES) this.flush();
    this.buffer ??= new Uint8Array(this.spare.pop() ?? new ArrayBuffer(BUFFER_BYTES));
    this.buffer.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  finish(): Promise<BodyTotals> {
    if (this.failure) return Promise.reject(this.failure);
    this.flush();
    return new Promise((resolve, reject) => {
      this.finishing = { resolve, reject };
      this.send({ kind: 'finish' });
    });
  }

  close(): void {
    this.worker.terminate();
    this.fail(new Error('The hashing worker was stopped.'));
  }

  private flush(): void {
    if (!this.buffer) return;
    const { buffer } = this.buffer;
    this.send({ kind: 'bytes', buffer, length: this.filled }, [buffer]);
    this.buffer = undefined;
    this.filled = 0;
  }

  private send(request: DigestRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private receive(reply: DigestReply): void {
    switch (reply.kind) {
      case 'taken':
        this.taking.shift()?.resolve(reply.bytes);
        return;
      case 'returned':
        this.spare.push(reply.buffer);
        return;
      case 'done':
        this.finishing?.resolve({ sha256: reply.sha256, bytes: reply.bytes, blob: reply.blob });
        this.finishing = undefined;
        this.worker.terminate();
        return;
      case 'failed':
        this.fail(new Error(`The hashing worker failed: ${reply.message}`));
        return;
      case 'ready':
        return;
      default:
        reply satisfies never;
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.taking.splice(0)) waiting.reject(error);
    this.finishing?.reject(error);
    this.finishing = undefined;
  }
}
