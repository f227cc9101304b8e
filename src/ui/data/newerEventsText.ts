import type { ImportResult } from '../../app/index.ts';
import { formatCountOf } from '../components/formatCount.ts';

type NewerEvents = ImportResult['summary']['newer'];

const WHAT_HAPPENS = 'They are kept and exported as they are; update Rewind to see what they did.';

/** What an import or merge kept without reading it: "3 events were recorded by a newer version of Rewind (AccountFrozen, …)". */
export function newerEventsKept(newer: NewerEvents): string | undefined {
  if (newer.count === 0) return undefined;
  const names = newer.kinds.map((k) => k.name).sort((a, b) => a.localeCompare(b, 'en'));
  return `${formatCountOf(newer.count, 'event')} ${newer.count === 1 ? 'was' : 'were'} recorded by a newer version of Rewind (${names.join(', ')}). ${WHAT_HAPPENS}`;
}

/** The Data screen's note while the log holds any. */
export function newerEventsHeld(count: number): string {
  return `This log holds ${formatCountOf(count, 'event')} recorded by a newer version of Rewind: ${count === 1 ? 'it is kept and exported as it is' : 'they are kept and exported as they are'}.`;
}
