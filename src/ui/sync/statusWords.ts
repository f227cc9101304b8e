import type { SyncStatus } from '../../app/index.ts';
import { formatCount } from '../components/formatCount.ts';

/** Which sign the header shows beside the words, so the state never rests on colour alone. */
export type StatusTone = 'synced' | 'waiting' | 'offline' | 'attention';

/** Whether anything needs the person: a refused change, or the server turning this device away. */
export function needsAttention(status: Pick<SyncStatus, 'phase' | 'error' | 'conflicts'>): boolean {
  return status.phase === 'attention' || status.error !== undefined || status.conflicts.some((c) => c.outcome === 'refused');
}

/** The header's few words: "Synced", "3 waiting to send", "Offline", "Needs attention"; undefined while sync is off. */
export function headerStatus(status: SyncStatus, locale?: string): { text: string; tone: StatusTone } | undefined {
  if (status.phase === 'off') return undefined;
  if (needsAttention(status)) return { text: 'Needs attention', tone: 'attention' };
  if (status.phase === 'offline') return { text: 'Offline', tone: 'offline' };
  if (status.waiting > 0) return { text: `${formatCount(status.waiting, locale)} waiting to send`, tone: 'waiting' };
  if (status.phase === 'connecting') return { text: 'Connecting…', tone: 'waiting' };
  return { text: 'Synced', tone: 'synced' };
}

const changes = (n: number, locale?: string) => `${formatCount(n, locale)} ${n === 1 ? 'change' : 'changes'}`;

/** The Sync panel's sentence for where sync stands, saying what it means for the person's changes. */
export function stateSentence(status: SyncStatus, locale?: string): string {
  const refused = status.conflicts.filter((c) => c.outcome === 'refused').length;
  if (status.error) return `Needs attention: ${status.error.message}`;
  if (refused > 0)
    return `Needs attention: ${changes(refused, locale)} made on this device could not be applied after syncing. See below.`;
  if (status.phase === 'attention') return 'Needs attention: see below.';
  if (status.phase === 'offline')
    return status.waiting > 0
      ? `Offline: ${changes(status.waiting, locale)} wait on this device and are sent when the server can be reached.`
      : 'Offline: changes wait on this device and are sent when the server can be reached.';
  if (status.waiting > 0) return `${changes(status.waiting, locale)} waiting to send.`;
  if (status.phase === 'connecting') return 'Connecting to the server…';
  return 'Synced: everything on this device is on the server.';
}
