import type { DocumentInput, DocumentStore, JsonValue } from '../../eventstore/index.ts';
import type { SyncConflict } from './types.ts';

/** What this device knows of its ledger's sync space, kept beside the log (it survives an import, as documents do). */
export interface SyncSettings {
  server: string;
  spaceId: string;
  /** The space's secret: it never enters an event or a file. */
  secret: string;
  deviceName: string;
  /** The server position of the last event this device has pulled. */
  position: number;
  /** Every local event through this seq is on the server. */
  confirmedThrough: number;
  /** Seq ranges above `confirmedThrough` holding events pulled from the server (inclusive pairs). */
  pulled: [number, number][];
}

/** The settings' document id: an import that makes another ledger the log removes it (this device leaves the space). */
export const SETTINGS_ID = 'sync:settings';
const CONFLICT_KIND = 'sync-conflict';
const conflictDocumentId = (id: string) => `sync-conflict:${id}`;

export const settingsDocument = (settings: SyncSettings, now: Date): DocumentInput => ({
  id: SETTINGS_ID,
  kind: 'sync',
  savedAt: now.toISOString(),
  data: settings as unknown as JsonValue,
});

export const conflictDocument = (conflict: SyncConflict, now: Date): DocumentInput => ({
  id: conflictDocumentId(conflict.id),
  kind: CONFLICT_KIND,
  savedAt: now.toISOString(),
  data: conflict as unknown as JsonValue,
});

export async function readSettings(store: DocumentStore): Promise<SyncSettings | undefined> {
  const record = await store.getDocument(SETTINGS_ID);
  return record ? (record.data as unknown as SyncSettings) : undefined;
}

export async function writeSettings(store: DocumentStore, settings: SyncSettings, now: Date): Promise<void> {
  await store.putDocument(settingsDocument(settings, now));
}

export async function clearSettings(store: DocumentStore): Promise<void> {
  await store.deleteDocument(SETTINGS_ID);
}

export async function readConflicts(store: DocumentStore): Promise<SyncConflict[]> {
  const records = await store.documentsOfKind(CONFLICT_KIND);
  return records.map((r) => r.data as unknown as SyncConflict).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export async function deleteConflict(store: DocumentStore, id: string): Promise<void> {
  await store.deleteDocument(conflictDocumentId(id));
}

/** Whether `seq` holds an event pulled from the server rather than one this device recorded. */
export function isPulled(settings: Pick<SyncSettings, 'pulled'>, seq: number): boolean {
  return settings.pulled.some(([from, to]) => seq >= from && seq <= to);
}

/** Whether the event at `seq` is this device's and not yet on the server. */
export function isPending(settings: Pick<SyncSettings, 'confirmedThrough' | 'pulled'>, seq: number): boolean {
  return seq > settings.confirmedThrough && !isPulled(settings, seq);
}

/** Adds a pulled range, joining it to the one before when they touch. */
export function withPulled(pulled: readonly [number, number][], from: number, to: number): [number, number][] {
  const last = pulled[pulled.length - 1];
  if (last && last[1] + 1 === from) return [...pulled.slice(0, -1), [last[0], to]];
  return [...pulled, [from, to]];
}

/** How many local events await the server: everything after `confirmedThrough` that was not pulled. */
export function waitingCount(settings: Pick<SyncSettings, 'confirmedThrough' | 'pulled'>, lastSeq: number): number {
  let pulled = 0;
  for (const [from, to] of settings.pulled) pulled += Math.max(0, Math.min(to, lastSeq) - Math.max(from, settings.confirmedThrough + 1) + 1);
  return Math.max(0, lastSeq - settings.confirmedThrough - pulled);
}

/** Once every local event through `seq` is on the server (pushed or pulled), `confirmedThrough` moves there. */
export function confirmedTo(settings: SyncSettings, seq: number): SyncSettings {
  return seq <= settings.confirmedThrough ? settings : { ...settings, confirmedThrough: seq };
}

/**
 * Forgets pulled ranges the process managers have passed (`handledThrough`,
 * their lowest checkpoint) and the sync has confirmed: nothing asks about them again.
 */
export function withoutHandled(settings: SyncSettings, handledThrough: number): SyncSettings {
  const through = Math.min(handledThrough, settings.confirmedThrough);
  const pulled = settings.pulled.filter(([, to]) => to > through);
  return pulled.length === settings.pulled.length ? settings : { ...settings, pulled };
}
