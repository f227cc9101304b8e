import { lastPageKey, type RewindDatabase } from '../storage/database.ts';
import { bucketedEnd } from '../indexes/bucketedEnd.ts';
import { readSeqs } from '../storage/pageReads.ts';
import type { TailView } from '../storage/tailCache.ts';
import type { StoredEvent } from '../types.ts';
import type { IdFilter } from './idFilter.ts';
import { bucketOf, candidatesIn, idHash, type IdBucketRecord, type IdRunRecord } from '../indexes/idRecords.ts';

/** A sealed page's id run, indexed: hash -> seqs. */
interface IndexedRun {
  first: number;
  seqs: Map<number, number[]>;
}

function indexRun(run: IdRunRecord): IndexedRun {
  const seqs = new Map<number, number[]>();
  run.hashes.forEach((hash, i) => {
    const list = seqs.get(hash);
    if (list) list.push(run.first + i);
    else seqs.set(hash, [run.first + i]);
  });
  return { first: run.first, seqs };
}

/**
 * The id runs of a database, kept between calls: a run never changes once
 * written (a merge deletes it), so each lookup reads only the runs' keys and
 * the runs it has not seen, not up to RUNS_PER_MERGE pages of hashes. Each run
 * is kept indexed by hash, so a lookup costs the same whatever the number of runs.
 */
export class IdRunCache {
  private readonly runs = new Map<number, IndexedRun>();

  /** This transaction's runs (keys ascending) and the seqs in them whose id hashes to one of `hashes`. */
  async candidates(db: RewindDatabase, hashes: readonly number[]): Promise<{ keys: number[]; runs: IndexedRun[]; seqs: number[] }> {
    const keys = (await db.idRuns.toCollection().primaryKeys()) as number[];
    // Taken now: a lookup of another transaction may change the cache while this one waits for the runs it lacks.
    const held = keys.map((key) => this.runs.get(key));
    const missing = keys.filter((_, i) => held[i] === undefined);
    const fetched = missing.length > 0 ? await db.idRuns.bulkGet(missing) : [];
    const runs = [...held.filter((run) => run !== undefined), ...fetched.filter((run) => run !== undefined).map(indexRun)];
    runs.sort((a, b) => a.first - b.first);
    for (const run of runs) this.runs.set(run.first, run);
    // Runs are written in key order and merged away all at once: one older than this view's newest, and
    // missing from it, is gone for good. (A view older than the cache may lack newer runs: those stay.)
    const newest = keys.length > 0 ? keys[keys.length - 1]! : 0;
    const present = new Set(keys);
    for (const key of [...this.runs.keys()]) if (key < newest && !present.has(key)) this.runs.delete(key);
    // Plain loops: a burst looks up thousands of fresh ids, each against every run.
    const seqs: number[] = [];
    for (const hash of hashes) {
      for (const run of runs) {
        const found = run.seqs.get(hash);
        if (found) seqs.push(...found);
      }
    }
    return { keys, runs, seqs };
  }
}

/** What a store keeps in memory to look ids up: the id runs and the filter of the id buckets. */
export interface IdLookup {
  runs: IdRunCache;
  filter: IdFilter;
}

/**
 * The sealed events (pages) holding these ids: candidates by hash from the id
 * runs and from the buckets the filter says may hold them, confirmed by id.
 */
export async function findSealedIds(
  db: RewindDatabase,
  ids: readonly string[],
  lookup: IdLookup,
  lastPage?: Promise<number | undefined>,
): Promise<Map<string, StoredEvent>> {
  const found = new Map<string, StoredEvent>();
  if (ids.length === 0) return found;
  const hashes = ids.map(idHash);
  const { keys, runs, seqs } = await lookup.runs.candidates(db, hashes);
  for (const run of runs) lookup.filter.addRun(run.first, run.seqs.keys());
  const bucketed = bucketedEnd(keys, keys.length > 0 ? undefined : await (lastPage ?? lastPageKey(db)));
  const inBuckets = lookup.filter.mayHold(hashes, bucketed) ?? hashes;
  const buckets = [...new Set(inBuckets.map(bucketOf))];
  const bucketRecords = buckets.length > 0 ? await db.idBuckets.bulkGet(buckets) : [];
  const byBucket = new Map(bucketRecords.filter((b): b is IdBucketRecord => b !== undefined).map((b) => [b.bucket, b]));
  const candidates = [...new Set([...seqs, ...candidatesIn(inBuckets, byBucket)])];
  if (candidates.length === 0) return found;
  const wanted = new Set(ids);
  for (const event of await readSeqs(db, candidates, [])) if (wanted.has(event.meta.id)) found.set(event.meta.id, event);
  return found;
}

/** The stored events holding these ids, in the tail (as `tail` shows it) or sealed. */
export function mergeFound(ids: readonly string[], tail: TailView, sealed: ReadonlyMap<string, StoredEvent>): Map<string, StoredEvent> {
  const found = new Map<string, StoredEvent>();
  for (const id of ids) {
    const event = tail.byId.get(id) ?? sealed.get(id);
    if (event) found.set(id, event);
  }
  return found;
}
