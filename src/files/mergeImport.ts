import { ScratchLog, appendPositioned, databaseOf, lastSeqOf, type RewindDatabase } from '../eventstore/import/index.ts';
import { depsOf, type EventStore, type StoredEvent } from '../eventstore/index.ts';
import { decisionsProjection, type DecisionsState } from '../domain/readModels/decisions.ts';
import { upcastAll } from '../domain/schema/eventSchema.ts';
import { replay } from '../replay/index.ts';
import type { ByteSource } from './byteSource.ts';
import { LogFileError, MergeConflictError } from './errors.ts';
import { advancedCheckpoints, readerOptions, type ImportContext, type ImportResult } from './importTypes.ts';
import { MergePlan, eventsNotIn } from './mergePlan.ts';
import { readLogFile } from './reader.ts';
import { RuleGate } from './ruleGate.ts';

/**
 * Up to this many new events, a merge appends them to the live log in one
 * transaction (the usual case: two devices a few days apart). Beyond it, memory
 * would grow with the file, so the merge copies this log into a fresh database,
 * appends there, and switches, like a replace.
 */
const IN_PLACE_EVENTS = 5000;
const IN_PLACE_BYTES = 8 * 1024 * 1024;

function logChanged(): LogFileError {
  return new LogFileError('LOG_CHANGED', 'Events were recorded in this log while the file was being imported. Nothing was imported; try again.');
}

/**
 * Merges a copy of this log from another device. The file is read once: each
 * batch is compared with this log (MergePlan), new events are held (few) or
 * written aside (many). Nothing reaches the live log unless the whole file is
 * sound, no stream conflicts and the new events keep the ledger's rules after
 * this log's own; the final write also checks that this log did not move on
 * meanwhile.
 */
export async function mergeLog({ store, options, progress }: ImportContext, source: ByteSource): Promise<ImportResult> {
  const live = databaseOf(store);
  const base = await store.lastSeq();
  // The file's new events are judged where they will stand: after this log, on the state it folds to,
  // folded from its events in their current shape as the app reads them (docs/events.md, "Versions").
  const lifted = { ...store, readAll: async (...args: Parameters<typeof store.readAll>) => [...upcastAll(await store.readAll(...args))] };
  const { states } = await replay(lifted, [decisionsProjection], { toSeq: base });
  const plan = new MergePlan(store, base, new RuleGate(states[decisionsProjection.name] as DecisionsState));
  const processManagers = options.processManagers ?? [];
  let held: StoredEvent[] = [];
  let heldBytes = 0;
  let scratch: ScratchLog | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function writeAside(events: StoredEvent[], bytes: number): Promise<void> {
    if (!scratch) {
      held.push(...events);
      heldBytes += bytes;
      if (held.length <= IN_PLACE_EVENTS && heldBytes <= IN_PLACE_BYTES) return;
      scratch = await ScratchLog.create(store.name, depsOf(store));
      await scratch.copyLog(live, base, (copied) => progress({ phase: 'copying', events: copied, totalEvents: base, bytesRead: 0 }));
      events = held;
      held = [];
    }
    await writing;
    writing = scratch.addEvents(events);
  }

  try {
    const summary = await readLogFile(source, {
      ...readerOptions({ store, options, progress }),
      onEvents: async (events, batch) => {
        const fresh = await plan.classify(events, batch.firstLine);
        // Once a stream conflicts the merge will be refused: keep reading only to report every conflict.
        if (fresh.length > 0 && plan.conflicts.size === 0) await writeAside(fresh, batch.bytes);
      },
    });
    await writing;
    plan.finish();
    if (plan.conflicts.size > 0) {
      throw new MergeConflictError([...plan.conflicts.values()], plan.branchBaseSeq(), (onEvents) =>
        readIncoming(store, source, options, onEvents),
      );
    }
    const result: ImportResult = { mode: 'merge', summary, imported: plan.added, skipped: plan.skipped, lastSeq: plan.lastSeq, replaced: false };
    if (plan.added === 0) return result;
    progress({ phase: 'switching', events: summary.eventCount, totalEvents: summary.eventCount, bytesRead: summary.bytes });
    const unchanged = async (db: RewindDatabase) => {
      if ((await lastSeqOf(db)) !== base) throw logChanged();
    };
    if (!scratch) {
      await appendPositioned(live, store.name, held, async (db) => {
        await unchanged(db);
        return advancedCheckpoints(db, processManagers, base, plan.lastSeq);
      });
      store.notifyAppended();
      return result;
    }
    const target: ScratchLog = scratch;
    await target.finish();
    await target.promote({
      check: unchanged,
      afterRetire: async (retired) => {
        await target.putCheckpoints(await advancedCheckpoints(retired, processManagers, base, plan.lastSeq));
        await target.copyDocuments(retired);
      },
    });
    return { ...result, replaced: true };
  } catch (error) {
    await writing.catch(() => undefined);
    await scratch?.discard();
    throw error;
  }
}

/** Reads the file again and hands over the events this log does not hold: the material of a what-if branch. */
async function readIncoming(
  store: EventStore,
  source: ByteSource,
  options: ImportContext['options'],
  onEvents: (events: StoredEvent[]) => void | Promise<void>,
): Promise<void> {
  await readLogFile(source, {
    knownTypes: options.knownTypes,
    unknownTypes: options.unknownTypes,
    signal: options.signal,
    onEvents: async (events) => {
      const fresh = await eventsNotIn(store, events);
      if (fresh.length > 0) await onEvents(fresh);
    },
  });
}
