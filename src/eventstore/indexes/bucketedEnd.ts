import { sealedThrough } from '../pages/pageCodec.ts';

/**
 * The first page that merged buckets (of ids or of streams) do not hold: the
 * first run's page (runs are the pages sealed since the last merge), or past
 * the last page when every run was merged.
 */
export function bucketedEnd(runKeys: readonly number[], lastPage: number | undefined): number {
  if (runKeys.length > 0) return Math.min(...runKeys);
  return sealedThrough(lastPage) + 1;
}
