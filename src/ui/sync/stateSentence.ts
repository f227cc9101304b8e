import type { SyncStatus } from '../../app/index.ts';
import { formatCount } from '../components/formatCount.ts';

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
