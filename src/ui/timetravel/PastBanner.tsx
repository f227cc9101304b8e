import { useState } from 'react';
import { positionText } from '../components/positionText.ts';

/**
 * One slim line under the header saying plainly that the screens show the past, with "Back to now", and
 * how far the live log has moved on since (other tabs keep appending). Mounted when the person starts
 * viewing the past, so it counts from that moment.
 */
export function PastBanner({ seq, liveSeq, at, onBackToNow }: { seq: number; liveSeq: number; at: string | undefined; onBackToNow(): void }) {
  const [liveAtStart] = useState(liveSeq);
  const newEvents = liveSeq - liveAtStart;
  return (
    <div className="past-banner" role="status">
      <p>
        <strong>Viewing the past: {positionText(seq, liveSeq, at)}</strong>
        <span className="past-banner-note visually-hidden-on-phone">
          {' '}
          Nothing can be changed here.
          {newEvents > 0 && ` ${newEvents} new ${newEvents === 1 ? 'event' : 'events'} since you started viewing the past.`}
        </span>
      </p>
      <button type="button" className="button button-primary" onClick={onBackToNow}>
        Back to now
      </button>
    </div>
  );
}
