import type { StreamInfo } from './types.ts';

/**
 * Per stream, the seq of every version, in chunks of CHUNK versions: chunk c of
 * a stream holds versions c*CHUNK+1 .. (c+1)*CHUNK. A stream read finds its
 * seqs here and fetches only those events, with no index entry per event.
 * Chunk 0 lives in the stream's own row (`head`), which every commit reads and
 * writes anyway, so most streams (and an import's most records) need no
 * `streamIndex` record at all; chunks 1, 2, … are `streamIndex` records.
 */
export const CHUNK = 256;

/** A `streams` row: the public StreamInfo plus the seqs of its first CHUNK versions. */
export interface StreamRecord extends StreamInfo {
  head?: number[];
}

/** The public part of a stream row. */
export function streamInfo({ stream, version, lastSeq }: StreamRecord): StreamInfo {
  return { stream, version, lastSeq };
}

/** A stream row's head as a chunk, for reading and extending like the others. */
export function headChunk(record: StreamRecord | undefined, stream: string): StreamChunkRecord {
  return { stream, chunk: 0, seqs: record?.head ?? [] };
}

export interface StreamChunkRecord {
  stream: string;
  chunk: number;
  /** seqs[i] is the seq of version chunk*CHUNK + 1 + i. */
  seqs: number[];
}

export function chunkOf(version: number): number {
  return Math.floor((version - 1) / CHUNK);
}

/**
 * The chunks that change when versions from `fromVersion` on get these seqs;
 * `before` is the stream's chunk holding version fromVersion - 1's neighbours
 * (its current last chunk), if any.
 */
export function extendChunks(stream: string, before: StreamChunkRecord | undefined, fromVersion: number, seqs: readonly number[]): StreamChunkRecord[] {
  const changed: StreamChunkRecord[] = [];
  let current = before && before.chunk === chunkOf(fromVersion) ? { ...before, seqs: [...before.seqs] } : undefined;
  seqs.forEach((seq, i) => {
    const version = fromVersion + i;
    const chunk = chunkOf(version);
    if (!current || current.chunk !== chunk) {
      current = { stream, chunk, seqs: [] };
      changed.push(current);
    } else if (changed.length === 0) {
      changed.push(current);
    }
    current.seqs[version - 1 - chunk * CHUNK] = seq;
  });
  return changed;
}

/** The seqs of versions lo..hi from the chunks that cover them. */
export function seqsOf(chunks: readonly StreamChunkRecord[], lo: number, hi: number): number[] {
  const byChunk = new Map(chunks.map((c) => [c.chunk, c.seqs]));
  const seqs: number[] = [];
  for (let version = lo; version <= hi; version++) {
    const chunk = chunkOf(version);
    const seq = byChunk.get(chunk)?.[version - 1 - chunk * CHUNK];
    if (seq === undefined) break;
    seqs.push(seq);
  }
  return seqs;
}
