import type { EventStore, StoredEvent } from '../../eventstore/index.ts';
import type { WireCommit } from './wire.ts';

const PUSH_COMMITS = 500;
const PUSH_EVENTS = 1000;
/** Half the server's 1 MiB body limit, leaving room for the request's own keys. */
const PUSH_BYTES = 512 * 1024;
/** Events read at once from the log for a push. */
const WINDOW = 5000;

/**
 * The next events from `fromSeq`, ending where a turn of the writer ends: the
 * events of one turn share their time, and a command's events must not be
 * split between two pushes.
 */
export async function readWindow(store: Pick<EventStore, 'readAll'>, fromSeq: number, size = WINDOW): Promise<StoredEvent[]> {
  const events = await store.readAll({ fromSeq, limit: size });
  let full = events.length === size;
  while (full) {
    const last = events[events.length - 1]!;
    const more = await store.readAll({ fromSeq: last.meta.seq + 1, limit: size });
    const turnEnds = more.findIndex((e) => e.meta.at !== last.meta.at);
    events.push(...(turnEnds < 0 ? more : more.slice(0, turnEnds)));
    full = turnEnds < 0 && more.length === size;
  }
  return events;
}

/** Commits in requests the server takes: at most PUSH_COMMITS commits, PUSH_EVENTS events and PUSH_BYTES of JSON each. */
export function requestsOf(commits: readonly WireCommit[]): WireCommit[][] {
  const encoder = new TextEncoder();
  const requests: WireCommit[][] = [];
  let events = Infinity;
  let bytes = Infinity;
  for (const commit of commits) {
    const size = encoder.encode(JSON.stringify(commit)).length;
    const last = requests[requests.length - 1];
    if (!last || last.length >= PUSH_COMMITS || events + commit.events.length > PUSH_EVENTS || bytes + size > PUSH_BYTES) {
      requests.push([commit]);
      events = commit.events.length;
      bytes = size;
    } else {
      last.push(commit);
      events += commit.events.length;
      bytes += size;
    }
  }
  return requests;
}
