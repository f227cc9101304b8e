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
