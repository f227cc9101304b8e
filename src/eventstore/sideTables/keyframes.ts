/**
 * Which snapshot seqs to drop so that at most `keep` remain, spread over the
 * whole history: the newest always stays (it is what a reload starts from),
 * and each drop removes the snapshot whose loss leaves the smallest gap, so any
 * past position stays close to some keyframe.
 */
export function pruneKeyframes(seqs: readonly number[], keep: number): number[] {
  const kept = [...seqs].sort((a, b) => a - b);
  const dropped: number[] = [];
  while (kept.length > Math.max(1, keep)) {
    let best = 0;
    let bestGap = Infinity;
    for (let i = 0; i < kept.length - 1; i++) {
      const gap = kept[i + 1]! - (i === 0 ? 0 : kept[i - 1]!);
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    dropped.push(...kept.splice(best, 1));
  }
  return dropped;
}
