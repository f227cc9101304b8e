/**
 * The id index: event id -> seq, without a record per event. Chromium writes
 * IndexedDB records at a fixed cost each whatever they hold, which a record
 * per event would pay on every import. So ids are kept as 53-bit hashes in few,
 * large records:
 * - `idRuns`: one record per sealed page, the hashes of its ids in seq order;
 * - `idBuckets`: RUNS_PER_MERGE runs at a time are merged into BUCKETS records
 *   by hash (a bucket holds hash and seq pairs).
 * A hash names candidates only: every hit is confirmed against the stored
 * event's id, so a collision never passes for a duplicate. Ids still in the
 * tail are found in the tail records themselves.
 */

export const BUCKETS = 256;
/** Runs (pages) kept unmerged; a lookup reads all of them, a merge rewrites the touched buckets. */
export const RUNS_PER_MERGE = 32;

export interface IdRunRecord {
  first: number;
  hashes: Float64Array;
}

export interface IdBucketRecord {
  bucket: number;
  hashes: Float64Array;
  seqs: Float64Array;
}

/** 53 bits from two 32-bit multiplicative hashes of the id's UTF-16 code units. */
export function idHash(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a ^= a >>> 15;
  a = Math.imul(a, 0x2c1b3c6d);
  a ^= a >>> 12;
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export function bucketOf(hash: number): number {
  return Math.floor(hash / 0x200000) % BUCKETS;
}

/**
 * The seqs whose id hash is one of `hashes`, in the given buckets: each bucket
 * is scanned once, however many of the hashes fall in it (a lookup without the
 * id filter may bring thousands).
 */
export function candidatesIn(hashes: readonly number[], buckets: ReadonlyMap<number, IdBucketRecord>): number[] {
  const wanted = new Set(hashes);
  const seqs: number[] = [];
  for (const bucket of new Set(hashes.map(bucketOf))) {
    const record = buckets.get(bucket);
    if (!record) continue;
    for (let i = 0; i < record.hashes.length; i++) if (wanted.has(record.hashes[i]!)) seqs.push(record.seqs[i]!);
  }
  return seqs;
}

/** Adds hash -> seq pairs to buckets (existing records given, changed records returned). */
export function mergeIntoBuckets(
  existing: ReadonlyMap<number, IdBucketRecord>,
  pairs: { hashes: ArrayLike<number>; seqs: ArrayLike<number> },
): IdBucketRecord[] {
  const grouped = new Map<number, { hashes: number[]; seqs: number[] }>();
  for (let i = 0; i < pairs.hashes.length; i++) {
    const bucket = bucketOf(pairs.hashes[i]!);
    let group = grouped.get(bucket);
    if (!group) grouped.set(bucket, (group = { hashes: [], seqs: [] }));
    group.hashes.push(pairs.hashes[i]!);
    group.seqs.push(pairs.seqs[i]!);
  }
  return [...grouped].map(([bucket, group]) => {
    const before = existing.get(bucket);
    const size = (before?.hashes.length ?? 0) + group.hashes.length;
    const hashes = new Float64Array(size);
    const seqs = new Float64Array(size);
    if (before) {
      hashes.set(before.hashes);
      seqs.set(before.seqs);
    }
    hashes.set(group.hashes, before?.hashes.length ?? 0);
    seqs.set(group.seqs, before?.seqs.length ?? 0);
    return { bucket, hashes, seqs };
  });
}

/** The pairs of runs, flattened. */
export function runPairs(runs: readonly IdRunRecord[]): { hashes: number[]; seqs: number[] } {
  const hashes: number[] = [];
  const seqs: number[] = [];
  for (const run of runs) {
    run.hashes.forEach((hash, i) => {
      hashes.push(hash);
      seqs.push(run.first + i);
    });
  }
  return { hashes, seqs };
}

/**
 * An in-memory hash -> seq table for a bulk import (open addressing over typed
 * arrays: 12 bytes a slot, far less than a Map of strings).
 */
export class IdTable {
  private keys = new Float64Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** Every seq stored under `hash`. */
  find(hash: number): number[] {
    const found: number[] = [];
    const mask = this.keys.length - 1;
    for (let slot = hash & mask; this.values[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.keys[slot] === hash) found.push(this.values[slot]!);
    }
    return found;
  }

  add(hash: number, seq: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = hash;
    this.values[slot] = seq;
    this.used += 1;
  }

  /** Every pair, for writing the buckets. */
  pairs(): { hashes: Float64Array; seqs: Float64Array } {
    const hashes = new Float64Array(this.used);
    const seqs = new Float64Array(this.used);
    let n = 0;
    for (let slot = 0; slot < this.keys.length; slot++) {
      if (this.values[slot] === 0) continue;
      hashes[n] = this.keys[slot]!;
      seqs[n] = this.values[slot]!;
      n += 1;
    }
    return { hashes, seqs };
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    this.used = 0;
    for (let slot = 0; slot < keys.length; slot++) if (values[slot] !== 0) this.add(keys[slot]!, values[slot]!);
  }
}
