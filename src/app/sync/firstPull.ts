import { depsOf, type EventStore } from '../../eventstore/index.ts';
import { lastSeqOf, ScratchLog } from '../../eventstore/import/index.ts';
import { ledgerProjections, PROCESS_MANAGER_CHECKPOINTS } from '../../domain/index.ts';
import { encodeState, foldInto, initialCursors } from '../../replay/index.ts';
import { LedgerRules } from '../../domain/accounts/ledgerRules.ts';
import { LogFileError } from '../../files/errors.ts';
import { StreamVersions } from '../../files/continuity.ts';
import { DuplicateIdError } from '../../eventstore/import/index.ts';
import { pullEvents, SyncServerError, type PullPage, type SpaceAccess } from './syncApi.ts';
import { settingsDocument, type SyncSettings } from './syncState.ts';
import { storedAt, type WireEvent } from './wire.ts';
import { wireEnvelopeProblem } from '../../domain/sync/wireEvent.ts';
import { isPlainObject } from '../../lib/isPlainObject.ts';
import type { StoredEvent } from '../../eventstore/index.ts';

/** Events asked for at once: the server's largest page. */
const PAGE = 5000;

/**
 * A device that joins with an empty log takes the whole space the way an
 * import takes a file: every page is written into a fresh database out of
 * sight, while the next page downloads, and that database becomes the live
 * log in one switch, with the sync settings and the process managers'
 * checkpoints set in the same switch (every event came from other devices,
 * which reacted to them already). Appending page by page through the live
 * log would cost a transaction per stream per page and keep the image
 * folding meanwhile. The read models are folded here, while the next page
 * downloads, and saved as snapshots beside the log, so the load after the
 * switch replays nothing. If the download breaks off, what arrived whole becomes
 * the log all the same, and the engine pulls the rest from there. Resolves to
 * false, changing nothing, when the log is not empty any more or the space is
 * empty; the ledger is opened again on the new log after a true.
 */
export async function firstPull(store: EventStore, settings: SyncSettings, now: () => Date, signal?: AbortSignal): Promise<boolean> {
  if ((await store.lastSeq()) > 0) return false;
  const access: SpaceAccess = settings;
  let page = await pullEvents(access, settings.position, PAGE, signal);
  if (page.events.length === 0) return false;
  const scratch = await ScratchLog.create(store.name, depsOf(store));
  const rules = new LedgerRules();
  const versions = new StreamVersions(true);
  const cursors = initialCursors(ledgerProjections);
  // Written events run up to a point where every commit is whole (no transfer waiting for its other half):
  // if the download breaks off, that much becomes the log and the next pull goes on from there.
  let seq = 0;
  let position = settings.position;
  let unfinished: StoredEvent[] = [];
  try {
    for (;;) {
      const next: Promise<PullPage> | undefined = page.more ? pullEvents(access, page.last, PAGE, signal) : undefined;
      // A rejected download is awaited below; meanwhile it must not count as unhandled.
      next?.catch(() => undefined);
      const whole: StoredEvent[] = [];
      let wholeThrough = position;
      for (const pulled of page.events) {
        // The event store takes these pages unchecked: each event is checked here as the server checks a pushed one,
        // and its stream's versions as a file reader checks them.
        const problem =
          wireEnvelopeProblem(pulled?.event, 'event') ??
          (Number.isSafeInteger(pulled.position) ? undefined : 'its position in the space is not a whole number.') ??
          versions.follow(pulled.event.meta.stream, pulled.event.meta.version)?.message;
        if (problem) throw badEventFromServer(problem, pulled?.event);
        const event = storedAt(pulled, seq + whole.length + unfinished.length + 1);
        const violation = rules.admit(event);
        if (violation) throw refusedByRules(violation.rule, violation.message, event);
        unfinished.push(event);
        if (rules.finish() === undefined) {
          whole.push(...unfinished);
          unfinished = [];
          wholeThrough = pulled.position;
        }
      }
      if (whole.length > 0) {
        foldInto(ledgerProjections, cursors, whole);
        await scratch.addEvents(whole).catch((error: unknown) => {
          throw error instanceof DuplicateIdError ? badEventFromServer(`its id is already used by the event at seq ${error.firstSeq}.`, whole.find((e) => e.meta.seq === error.seq)) : error;
        });
        seq += whole.length;
        position = wholeThrough;
      }
      if (!next) break;
      try {
        page = await next;
      } catch (error) {
        // The server went away mid-download: keep what is whole; the engine pulls the rest when it can.
        if (seq === 0 || signal?.aborted) throw error;
        break;
      }
    }
    if (!page.more && unfinished.length > 0) {
      const open = rules.finish()!;
      throw refusedByRules(open.rule, open.message);
    }
    // The read models folded on the way go in with the last writes, in one commit: the load after the switch replays nothing.
    const savedAt = now().toISOString();
    await scratch.finish(ledgerProjections.map(({ name, version }) => ({ name, version, seq, savedAt, state: encodeState(cursors[name]!.state) })));
    const joined: SyncSettings = { ...settings, position, confirmedThrough: seq, pulled: [] };
    await scratch.promote({
      check: async (live) => {
        if ((await lastSeqOf(live)) > 0)
          throw new LogFileError('LOG_CHANGED', 'Events were recorded on this device while the ledger was downloading.');
      },
      afterRetire: async (live) => {
        await scratch.putCheckpoints(PROCESS_MANAGER_CHECKPOINTS.map((name) => ({ name, seq })));
        await scratch.copyDocuments(live, { put: [settingsDocument(joined, now())] });
      },
    });
    return true;
  } catch (error) {
    await scratch.discard();
    throw error;
  }
}

/** The server is trusted with the secret, not with the rules: what it sends is judged as an import is. */
export function refusedByRules(rule: string, message: string, event?: WireEvent): SyncServerError {
  return new SyncServerError(0, 'RULE_BROKEN_BY_SERVER', `The sync server sent events that break the ledger's rules${whereIs(event)}: ${message} Nothing was stored.`, { rule });
}

/** What the server sent is not an event this device can store (a shape, a stream's versions, an id used twice). */
export function badEventFromServer(problem: string, event: unknown): SyncServerError {
  return new SyncServerError(0, 'BAD_EVENT_FROM_SERVER', `The sync server sent an event this device cannot store${whereIs(event)}: ${problem} Nothing was stored.`);
}

/** Names an event by its id and type, as far as it has them. */
function whereIs(event: unknown): string {
  const { type, meta } = (isPlainObject(event) ? event : {}) as { type?: unknown; meta?: { id?: unknown } };
  const id = isPlainObject(meta) && typeof meta.id === 'string' ? `event ${meta.id}` : '';
  const named = [id, typeof type === 'string' ? type : ''].filter(Boolean).join(', ');
  return named ? ` (${named})` : '';
}
