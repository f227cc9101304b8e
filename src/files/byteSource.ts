/** Anything a log file can be read from: a File or Blob, a stream, Node's file streams, or bytes in memory. */
export type ByteSource = Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array;

/** Work is cut into slices of at most this size, so one huge chunk never becomes one huge batch. */
const SLICE_BYTES = 1024 * 1024;

function isReadableStream(source: unknown): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream | undefined)?.getReader === 'function';
}

/** The source's size in bytes, when it is known before reading. */
export function sizeOf(source: ByteSource): number | undefined {
  if (source instanceof Uint8Array) return source.length;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
  return undefined;
}

async function* rawChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  const stream = typeof Blob !== 'undefined' && source instanceof Blob ? source.stream() : source;
  if (!isReadableStream(stream)) {
    yield* stream as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (an error, a cancel): let the source release the file.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The source's bytes, in order, in slices of at most 1 MiB. */
export async function* byteSlices(source: ByteSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of rawChunks(source)) {
    for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) yield chunk.subarray(offset, offset + SLICE_BYTES);
  }
}
