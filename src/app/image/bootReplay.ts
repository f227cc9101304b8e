import type { EventStore } from '../../eventstore/index.ts';
import { replay, ReplayError, type AnyProjection, type ReplayOptions, type ReplayResult, type SnapshotIgnored } from '../../replay/index.ts';

type Kind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean' ? type : 'other';
}

/**
 * Whether `state` looks like a state of the projection whose initial state is
 * `initial`: the same kind of value, and for objects every key of the initial
 * state present with the same kind, two levels deep (a key that starts out null
 * may hold anything). Cheap, and enough to catch a snapshot record whose state
 * was damaged or written by mistake, which no event after it might touch.
 */
export function sameShape(initial: unknown, state: unknown, depth = 2): boolean {
  const kind = kindOf(initial);
  if (kind === 'null') return true;
  if (kind !== kindOf(state)) return false;
  if (kind !== 'object' || depth === 0) return true;
  const given = state as Record<string, unknown>;
  return Object.entries(initial as Record<string, unknown>).every(([key, value]) => key in given && sameShape(value, given[key], depth - 1));
}

/**
 * The boot replay: from the newest snapshots plus the events after them. When
 * that gives a state of the wrong shape, or a projection throws while folding
 * events onto a snapshot, the snapshots are suspect: the replay is done again
 * from the first event, and if that works the snapshots (a cache, and the
 * keyframes time travel would start from) are discarded, to be written afresh.
 * A replay that fails from the first event too fails with its ReplayError.
 */
export async function bootReplay(
  eventStore: EventStore,
  projections: readonly AnyProjection[],
  options: Pick<ReplayOptions, 'onProgress' | 'onSnapshotIgnored' | 'toSeq'>,
): Promise<ReplayResult> {
  const unreadable: [string, number][] = [];
  const onSnapshotIgnored: SnapshotIgnored = (name, reason, seq) => {
    if (seq !== undefined) unreadable.push([name, seq]);
    options.onSnapshotIgnored?.(name, reason, seq);
  };
  try {
    return await bootFrom(eventStore, projections, { ...options, onSnapshotIgnored });
  } finally {
    // A snapshot that could not be used is garbage that every later boot would read and pass over again.
    const versions = new Map(projections.map((p) => [p.name, p.version]));
    for (const [name, seq] of unreadable)
      await eventStore.deleteSnapshot(name, versions.get(name)!, seq).catch((error: unknown) => console.warn('A damaged snapshot could not be deleted.', error));
  }
}

async function bootFrom(
  eventStore: EventStore,
  projections: readonly AnyProjection[],
  options: Pick<ReplayOptions, 'onProgress' | 'onSnapshotIgnored' | 'toSeq'>,
): Promise<ReplayResult> {
  const misshapen = (result: ReplayResult) => projections.filter((p) => !sameShape(p.initial, result.states[p.name])).map((p) => p.name);
  let problem: unknown;
  let fromSnapshots: ReplayResult | undefined;
  try {
    fromSnapshots = await replay(eventStore, projections, options);
    const names = misshapen(fromSnapshots);
    if (names.length === 0) return fromSnapshots;
    problem = new Error(`The snapshot state of ${names.join(', ')} is not shaped like its projection's state.`);
  } catch (error) {
    if (!(error instanceof ReplayError) || error.cause === undefined) throw error;
    problem = error;
  }
  const fromEvents = await replay(eventStore, projections, { ...options, useSnapshots: false });
  // A projection whose own states stray from its initial shape: the snapshots were not at fault.
  if (fromSnapshots && misshapen(fromEvents).length > 0) return fromSnapshots;
  console.warn('A snapshot could not be used: the ledger was rebuilt from its events and the snapshots discarded.', problem);
  await eventStore.deleteSnapshots().catch((error: unknown) => console.warn('Damaged snapshots could not be deleted.', error));
  return fromEvents;
}
