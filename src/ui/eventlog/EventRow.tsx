import { useId } from 'react';
import { Badge } from '../components/Badge.tsx';
import { useLedger } from '../ledger/LedgerContext.tsx';
import type { ViewMode } from '../ledger/useView.ts';
import { useScenarioSession } from '../components/scenarioSession.ts';
import { EventDetails } from './EventDetails.tsx';
import { eventSummary } from './eventSummary.ts';
import { NEWER_VERSION_NAME, eventName, rawType } from './eventNames.ts';
import { StreamLabel } from './StreamLabel.tsx';
import { formatCount } from '../components/formatCount.ts';
import { categoryOf, type LogRow, type StoredEvent } from '../../app/index.ts';
import { isNewerEvent } from '../../domain/index.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function formatTime(at: string): string {
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? at : timeFormat.format(time);
}

/** What the rows need to know about the screen around them. */
export interface RowContext {
  mode: ViewMode;
  /** The last real event the screens reflect. */
  viewedSeq: number;
  /** Real events the open branch leaves out. */
  skipped: ReadonlySet<number>;
  /** The event at a seq as the log stores it, for the details of one read in today's shape. */
  storedEvent?(seq: number): Promise<StoredEvent | undefined>;
}

/** A change the branch refuses is kept in the branch store, and its banner says why. */
const shownByBanner = () => undefined;

/** One event of the log: number, type, stream, time and summary; details and actions on demand. */
export function EventRow({ row, context, expanded, onToggle }: { row: LogRow; context: RowContext; expanded: boolean; onToggle(): void }) {
  const ledger = useLedger();
  const detailsId = useId();
  const event = row.event;
  if (!event) return <div className="log-row-main log-row-loading">Event {row.kind === 'event' ? formatCount(row.seq) : ''}: reading…</div>;

  const seq = event.meta.seq;
  const injected = row.kind === 'injected';
  const skipped = !injected && context.mode === 'branch' && context.skipped.has(seq);
  const later = !injected && context.mode === 'past' && seq > context.viewedSeq;
  const viewed = !injected && context.mode === 'past' && seq === context.viewedSeq;
  // An event of a newer version is not read here: no name, summary or category this version would guess at.
  const newer = isNewerEvent(event);
  const summary = newer ? '' : eventSummary(event);
  const category = categoryOf(event);
  const name = newer ? (
    <>
      {NEWER_VERSION_NAME} <code className="log-raw-type">{rawType(event)}</code>
    </>
  ) : (
    eventName(event.type)
  );
  const at = event.meta.at;

  const injectAfter = () => {
    useScenarioSession.setState({ panel: 'inject', injectAfter: seq });
    window.scrollTo({ top: 0 });
  };

  return (
    <div className={`log-row-body${skipped ? ' log-row-skipped' : ''}${later ? ' log-row-later' : ''}${viewed ? ' log-row-viewed' : ''}`}>
      <div className="log-row-main">
        <span className="log-seq">{injected ? `after #${formatCount(seq)}` : `#${formatCount(seq)}`}</span>
        <span className={newer ? 'log-type log-type-newer' : 'log-type'}>{skipped ? <s>{name}</s> : name}</span>
        <StreamLabel stream={event.meta.stream} />
        {at && (
          <time className="log-time" dateTime={at}>
            {formatTime(at)}
          </time>
        )}
        {injected && <Badge tone="hypothetical">Hypothetical</Badge>}
        {skipped && <Badge tone="muted">Skipped in this branch</Badge>}
        {viewed && <Badge tone="warning">Viewing the state after this event</Badge>}
        {later && <Badge tone="muted">Later than the point in view</Badge>}
        {event.meta.sample === true && <Badge tone="neutral">Sample</Badge>}
      </div>
      {(summary || category !== undefined) && (
        <p className="log-summary">
          {category !== undefined && (
            <span className="log-category">
              <span className="visually-hidden">Category: </span>
              {category}
            </span>
          )}
          {skipped ? <s>{summary}</s> : summary}
        </p>
      )}
      <div className="log-row-actions">
        <button type="button" className="button button-small" aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle}>
          {expanded ? 'Hide details' : 'Details'}
        </button>
        {context.mode !== 'branch' && (
          <button type="button" className="button button-small" onClick={() => void ledger.travel.travelTo(seq)}>
            Show state after this event
          </button>
        )}
        {context.mode === 'branch' && !injected && (
          <button type="button" className="button button-small" onClick={() => void ledger.branch.toggleSkip(seq).catch(shownByBanner)}>
            {skipped ? 'Include' : 'Skip'}
          </button>
        )}
        {context.mode === 'branch' && (
          <button type="button" className="button button-small" onClick={injectAfter}>
            Inject after
          </button>
        )}
        {injected && (
          <button type="button" className="button button-small" onClick={() => void ledger.branch.removeInjection(row.index).catch(shownByBanner)}>
            Remove
          </button>
        )}
      </div>
      {expanded && <EventDetails event={event} id={detailsId} storedEvent={injected ? undefined : context.storedEvent} />}
    </div>
  );
}
