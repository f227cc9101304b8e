import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './reopening.css';

/**
 * What shows from an import's (or restore's) last click until the reloaded page draws its boot screen. It
 * wears the boot screen's card (boot.css, loaded since the app booted), so the two read as one screen whose
 * text moves on from "Opening the imported log…" to the replay's progress.
 */
function ReopeningScreen({ text }: { text: string }) {
  return (
    <div className="reopening boot">
      <div className="boot-card" role="status">
        <img className="boot-logo" src="/favicon.svg" alt="" width="48" height="48" />
        <p className="reopening-title">Rewind</p>
        <progress className="boot-progress" aria-label={text} />
        <p className="boot-text">{text}</p>
        <p className="boot-hint">The app reloads and rebuilds every screen from the log’s events.</p>
      </div>
    </div>
  );
}

/**
 * Covers the page with the reopening screen, and calls `then` once the browser has painted it (a reload
 * started before the paint would leave the old screen, or a blank one, in its place).
 */
export function showReopening(text: string, then: () => void): void {
  const host = document.createElement('div');
  document.body.append(host);
  // The screens beneath can no longer be used: the log they show is being replaced.
  document.getElementById('root')?.setAttribute('inert', '');
  flushSync(() => createRoot(host).render(<ReopeningScreen text={text} />));
  requestAnimationFrame(() => setTimeout(then, 0));
}
