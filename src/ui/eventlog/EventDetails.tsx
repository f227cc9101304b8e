import type { StoredEvent } from '../../app/index.ts';
import { formatCountOf } from '../components/formatCount.ts';

/** Pretty-printed JSON beyond this length is cut, so one huge imported event cannot stall the page. */
const MAX_CHARS = 100_000;

function pretty(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n… (${formatCountOf(text.length - MAX_CHARS, 'more character')}; export the log to see them all)` : text;
}

/** An event's payload and meta as JSON text: shown as typed, never read as markup. */
export function EventDetails({ event, id }: { event: StoredEvent; id: string }) {
  return (
    <div className="log-details" id={id}>
      <div>
        <h2>Payload</h2>
        <pre>{pretty(event.payload)}</pre>
      </div>
      <div>
        <h2>Meta</h2>
        <pre>{pretty(event.meta)}</pre>
      </div>
    </div>
  );
}
