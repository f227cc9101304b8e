import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import { stateAt } from '../../replay/index.ts';
import { decisionsProjection, PROCESS_MANAGER_CHECKPOINTS, upcast, type DecisionsState } from '../../domain/index.ts';
import { pendingUnits, redecide, type Verdict } from '../../domain/sync/redecide.ts';
import { exportEvents, importLog } from '../../files/index.ts';
import { currentShapes } from '../currentShapes.ts';
import { conflictDocument, isPending, settingsDocument, type SyncSettings } from './syncState.ts';
import type { CompetingChange, SyncConflict } from './types.ts';
import { storedAt, type PulledEvent } from './wire.ts';

const READ_BATCH = 5000;
/** Events that follow from a change rather than being one a person made: a notice names the change itself. */
const SIDE_EFFECTS = new Set(['EmailReserved', 'EmailReleased', 'VerificationMessageQueued', 'WithdrawalMessageQueued']);

/** What another device's event did, in the terms a conflict notice needs. */
function competing(pulled: PulledEvent): CompetingChange {
  const payload = (pulled.event.payload ?? {}) as { accountNumber?: unknown; amount?: unknown };
  return {
    eventId: pulled.event.meta.id,
    device: pulled.device,
    type: pulled.event.type,
    at: pulled.event.meta.at,
    ...(typeof payload.accountNumber === 'string' && { accountNumber: payload.accountNumber }),
    ...(typeof payload.amount === 'number' && { amount: payload.amount }),
  };
}

/** The notices a rebase leaves: every refused command, and every command decided again on a stream another device changed. */
export function conflictsOf(verdicts: readonly Verdict[], arrived: readonly PulledEvent[], device: string): SyncConflict[] {
  const byStream = new Map<string, PulledEvent[]>();
  for (const p of arrived) byStream.set(p.event.meta.stream, [...(byStream.get(p.event.meta.stream) ?? []), p]);
  const conflicts: SyncConflict[] = [];
  for (const verdict of verdicts) {
    const { command, events } = verdict.unit;
    if (!command) continue;
    const others = [...new Set(events.map((e) => e.meta.stream))].flatMap((stream) => byStream.get(stream) ?? []);
    if (verdict.outcome === 'applied' && others.length === 0) continue;
    conflicts.push({
      id: events[0]!.meta.id,
      command,
      at: events[0]!.meta.at,
      device,
      outcome: verdict.outcome,
      ...(verdict.outcome === 'refused' && { reason: verdict.reason }),
      competing: others.filter((p) => !SIDE_EFFECTS.has(p.event.type)).map(competing),
    });
  }
  return conflicts;
}

/**
 * Rebuilds this device's log as the server has it, then its own pending
 * commands decided again on top: the events the server holds keep their
 * order, the pulled ones follow, then every pending command that still
 * decides the same way, renumbered. The result replaces the log through an
 * import (all or nothing; the old log stays as the backup), with the new sync
 * settings and the conflict notices set in the same switch. Refused, changing
 * nothing, if a command lands meanwhile: the engine then tries again.
 */
export async function rebase(store: EventStore, settings: SyncSettings, remote: readonly PulledEvent[], dropIds: ReadonlySet<string>, now: Date): Promise<void> {
  const lastSeq = await store.lastSeq();
  const after = await store.readAll({ fromSeq: settings.confirmedThrough + 1 });
  const remoteIds = new Set(remote.map((p) => p.event.meta.id));
  const held = await store.hasIds([...remoteIds]);
  const pulledHere = after.filter((e) => !isPending(settings, e.meta.seq));
  // This device's own events the server already has (a push whose answer was lost) arrive among the remote ones.
  const pending = after.filter((e) => isPending(settings, e.meta.seq) && !remoteIds.has(e.meta.id) && !dropIds.has(e.meta.id));
  const pendingIds = new Set(after.filter((e) => isPending(settings, e.meta.seq)).map((e) => e.meta.id));
  const arrived = remote.filter((p) => !held.has(p.event.meta.id) || pendingIds.has(p.event.meta.id));

  let base = (await stateAt(currentShapes(store), [decisionsProjection], settings.confirmedThrough)).states.decisions as DecisionsState;
  for (const event of pulledHere) base = decisionsProjection.apply(base, upcast(event));
  for (const p of arrived) base = decisionsProjection.apply(base, upcast(storedAt(p, 0)));
  const verdicts = redecide(base, pendingUnits(pending));

  let seq = settings.confirmedThrough;
  const confirmedEnd = seq + pulledHere.length + arrived.length;
  async function* batches(): AsyncIterable<StoredEvent[]> {
    for (let from = 1; from <= settings.confirmedThrough; from += READ_BATCH)
      yield await store.readAll({ fromSeq: from, toSeq: Math.min(settings.confirmedThrough, from + READ_BATCH - 1) });
    yield pulledHere.map((e) => ({ ...e, meta: { ...e.meta, seq: ++seq } }));
    yield arrived.map((p) => storedAt(p, ++seq));
    yield verdicts.flatMap((v) => (v.outcome === 'applied' ? v.events.map((e) => ({ ...e, meta: { ...e.meta, seq: ++seq } })) : []));
  }
  const file = await exportEvents(batches(), { selection: { kind: 'all' } });

  const position = remote.length > 0 ? Math.max(settings.position, remote[remote.length - 1]!.position) : settings.position;
  const next: SyncSettings = { ...settings, position, confirmedThrough: confirmedEnd, pulled: [] };
  const put = [settingsDocument(next, now), ...conflictsOf(verdicts, arrived, settings.deviceName).map((c) => conflictDocument(c, now))];
  await importLog(store, file.blob, {
    mode: 'replace',
    expectedLastSeq: lastSeq,
    processManagers: [...PROCESS_MANAGER_CHECKPOINTS],
    documentChanges: { put },
  });
}
