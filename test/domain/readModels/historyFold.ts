import type { StoredEvent } from '../../../src/eventstore/index.ts';
import { historyEntryOf, type HistoryEntry } from '../../../src/domain/index.ts';

/** An account's history as a fold from the opening forward, newest first: what reading it backwards must give. */
export function foldForward(events: readonly StoredEvent[]): HistoryEntry[] {
  const lines: HistoryEntry[] = [];
  for (const event of events) {
    const line = historyEntryOf(event, lines[lines.length - 1]?.balance ?? 0);
    if (line) lines.push(line);
  }
  return lines.reverse();
}
