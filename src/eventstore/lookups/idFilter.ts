import { lastPageKey, type RewindDatabase } from '../storage/database.ts';
import { EVENTS_PER_PAGE } from '../pages/pageCodec.ts';
import { bucketedEnd } from '../indexes/bucketedEnd.ts';

/** Bits per id when the filter is built, and probes per id: about 1 false positive in 1,000, 1 in 50 at half the bits. */
const BITS_PER_ID = 16;
const PROBES = 6;

/**
 * Which id hashes the id buckets may hold, kept in memory (a Bloom filter, 2 MB
 * at a million ids), so a lookup reads a bucket only for an id it may find
 * there: a fresh id, the usual case, costs no bucket read at all.
 *
 * It covers the buckets' pages, 1 up to `covered` (exclusive). Buckets change
 * only when a merge moves the id runs into them, so the filter follows by
 * taking in every run it is shown in page order (the runs a lookup reads, the
 * runs this store's own seals write). A lookup may trust it only when it covers
 * every page the buckets hold in that lookup's view; otherwise (another tab
 * merged runs this store never saw) the lookup reads the buckets, and the filter
 * is built again from them.
 */
export class IdFilter {
  private bits: Uint32Array | undefined;
  private mask = 0;
  private count = 0;
  private covered = 0;
  private building = false;
  /** Set when a lookup could not use the filter; the store then calls build() outside its transaction. */
  wanted = true;

  /**
   * The hashes the buckets may hold, or undefined when the filter does not cover
   * `bucketed` (the first page the buckets do not hold in the caller's view).
   */
  mayHold(hashes: readonly number[], bucketed: number): number[] | undefined {
    const { bits } = this;
    if (!bits || this.covered < bucketed) {
      this.wanted = true;
      return undefined;
    }
    return hashes.filter((hash) => probe(hash, bits, this.mask, false));
  }

  /** Takes in a sealed page's id hashes; pages must come in order (one already covered is ignored). */
  addRun(first: number, hashes: Iterable<number>): void {
    const { bits } = this;
    if (!bits || first !== this.covered) return;
    for (const hash of hashes) {
      probe(hash, bits, this.mask, true);
      this.count += 1;
    }
    this.covered += EVENTS_PER_PAGE;
    // Below half the bits per id, false positives grow fast: build it again, larger.
    if (this.count * (BITS_PER_ID / 2) > this.mask + 1) this.wanted = true;
  }

  /**
   * Builds the filter from the buckets, in its own read transaction; call
   * outside any transaction. A large log's buckets hold many megabytes of
   * hashes: they are read in several requests and taken in a slice at a time, letting other
   * work (a command's commit) run in between, and the filter is used only once
   * it is whole.
   */
  async build(db: RewindDatabase): Promise<void> {
    if (this.building) return;
    this.building = true;
    this.wanted = false;
    try {
      const built = await db.transaction('r', [db.idBuckets, db.idRuns, db.pages], async () => {
        const [keys, runKeys, lastPage] = await Promise.all([
          db.idBuckets.toCollection().primaryKeys() as Promise<number[]>,
          db.idRuns.toCollection().primaryKeys() as Promise<number[]>,
          lastPageKey(db),
        ]);
        const slices = await Promise.all(inSlices(keys).map((slice) => db.idBuckets.bulkGet(slice)));
        return { buckets: slices.flat().filter((b) => b !== undefined), bucketed: bucketedEnd(runKeys, lastPage) };
      });
      const ids = built.buckets.reduce((n, b) => n + b.hashes.length, 0);
      const log2 = Math.max(16, Math.ceil(Math.log2(Math.max(1, ids) * BITS_PER_ID)));
      const bits = new Uint32Array(2 ** (log2 - 5));
      const mask = 2 ** log2 - 1;
      for (const slice of inSlices(built.buckets)) {
        for (const bucket of slice) for (const hash of bucket.hashes) probe(hash, bits, mask, true);
        await new Promise((resolve) => setTimeout(resolve));
      }
      // Runs this store sealed meanwhile went into the filter it replaces: the new one covers fewer pages, and a
      // lookup past them reads the buckets (and asks for another build) until it catches up.
      this.bits = bits;
      this.mask = mask;
      this.count = ids;
      this.covered = built.bucketed;
    } finally {
      this.building = false;
    }
  }
}

/** Buckets taken at a time while building: 1/8 of them. */
const SLICE = 32;

function inSlices<T>(items: readonly T[]): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) slices.push(items.slice(i, i + SLICE));
  return slices;
}

/** Sets (when `set`) or tests the hash's bits: double hashing on its high 32 and low 21 bits. */
function probe(hash: number, bits: Uint32Array, mask: number, set: boolean): boolean {
  const a = Math.floor(hash / 0x200000) >>> 0;
  const b = (hash % 0x200000) | 1;
  for (let i = 0; i < PROBES; i++) {
    const at = (a + i * b) & mask;
    const word = at >>> 5;
    const bit = 1 << (at & 31);
    if (set) bits[word]! |= bit;
    else if ((bits[word]! & bit) === 0) return false;
  }
  return true;
}
