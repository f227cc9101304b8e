import { useEffect, useState } from 'react';
import type { StoredEvent } from '../../app/index.ts';
import { accountNumberOfStream, isNewerEvent } from '../../domain/index.ts';
import { formatCountOf } from '../components/formatCount.ts';
import { NEWER_VERSION_NAME } from './eventNames.ts';
import { liftedNote, newerNote, payloadChanges } from './schemaNotes.ts';

/** Pretty-printed JSON beyond this length is cut, so one huge imported event cannot stall the page. */
const MAX_CHARS = 100_000;

function pretty(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n… (${formatCountOf(text.length - MAX_CHARS, 'more character')}; export the log to see them all)` : text;
}

type Stored = { event?: StoredEvent; problem?: string };

/** The stored form of an event read in today's shape, read once its details open. */
function useStoredForm(event: StoredEvent, read: ((seq: number) => Promise<StoredEvent | undefined>) | undefined): Stored | undefined {
  const [stored, setStored] = useState<Stored>();
  const seq = event.meta.seq;
  const lifted = event.meta.upcastFrom !== undefined;
  useEffect(() => {
    if (!lifted || !read) return;
    let current = true;
    read(seq).then(
      (found) => current && setStored(found ? { event: found } : { problem: 'the log has no event with this number' }),
      (error: unknown) => current && setStored({ problem: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [seq, lifted, read]);
  return stored;
}

/**
 * An event's payload and meta as JSON text, shown as typed, never read as
 * markup; with what its schema means: an older one lifted to today's shape (and
 * how it is stored, on request), or one a newer version of Rewind recorded.
 */
export function EventDetails({ event, id, storedEvent }: { event: StoredEvent; id: string; storedEvent?(seq: number): Promise<StoredEvent | undefined> }) {
  const stored = useStoredForm(event, storedEvent);
  const [asStored, setAsStored] = useState(false);
  const from = event.meta.upcastFrom;
  const shown = asStored && stored?.event ? stored.event : event;

  return (
    <div className="log-details-frame" id={id}>
      {isNewerEvent(event) && (
        <div className="log-schema-note">
          <p>
            <strong>{NEWER_VERSION_NAME}.</strong> {newerNote(accountNumberOfStream(event.meta.stream) !== undefined)}
          </p>
        </div>
      )}
      {from !== undefined && (
        <div className="log-schema-note">
          <p>{liftedNote(from, event.meta.schema, stored?.event ? payloadChanges(stored.event.payload, event.payload) : [])}</p>
          {stored?.event && (
            <button type="button" className="button button-small" aria-pressed={asStored} onClick={() => setAsStored((on) => !on)}>
              Show as stored
            </button>
          )}
          {stored?.problem && <p className="form-problem">The stored event could not be read: {stored.problem}.</p>}
        </div>
      )}
      <div className="log-details">
        <div>
          <h2>{shown === event ? 'Payload' : 'Payload as stored'}</h2>
          <pre>{pretty(shown.payload)}</pre>
        </div>
        <div>
          <h2>{shown === event ? 'Meta' : 'Meta as stored'}</h2>
          <pre>{pretty(shown.meta)}</pre>
        </div>
      </div>
    </div>
  );
}
