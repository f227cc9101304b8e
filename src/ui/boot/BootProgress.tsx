import { formatCount } from '../components/formatCount.ts';
import './boot.css';

/**
 * The memory image being rebuilt: events replayed of the total. Without a total yet (the database is still
 * opening) the bar is indeterminate.
 */
export function BootProgress({ done, total }: { done?: number; total?: number }) {
  const known = total !== undefined && total > 0;
  const text = known
    ? `Replaying events: ${formatCount(done ?? 0)} of ${formatCount(total)}`
    : 'Opening your ledger…';
  return (
    <main className="boot">
      <div className="boot-card">
        <img className="boot-logo" src="/favicon.svg" alt="" width="48" height="48" />
        <h1>Rewind</h1>
        <progress
          className="boot-progress"
          aria-label="Rebuilding the ledger from its events"
          aria-valuetext={text}
          max={known ? total : undefined}
          value={known ? done : undefined}
        />
        <p className="boot-text">{text}</p>
        <p className="boot-hint">Everything on screen is rebuilt from the event log stored on this device.</p>
      </div>
    </main>
  );
}
