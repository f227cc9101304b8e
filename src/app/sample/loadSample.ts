import { sampleLedger } from '../../domain/index.ts';
import type { EventLog } from '../../eventstore/index.ts';
import { cryptoRandom } from '../systemSources.ts';
import { appendGenerated } from './appendGenerated.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Midnight (UTC) a year ago, so the sample's year ends about today. */
function aYearAgo(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 366 * DAY);
}

/**
 * Generates the sample year and appends it to the (empty) log; reports the count first so the screen can
 * say what it is doing.
 */
export async function loadSample(eventStore: Pick<EventLog, 'append' | 'lastSeq'>, onCount: (events: number) => void): Promise<number> {
  const events = sampleLedger({ start: aYearAgo(), random: cryptoRandom });
  onCount(events.length);
  await appendGenerated(eventStore, events);
  return events.length;
}
