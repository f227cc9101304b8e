import { useId } from 'react';
import { usePwa } from '../components/usePwa.ts';
import './offline.css';

/** "Update available" with "Reload": a new version waits and is never forced on the user. */
export function UpdatePrompt() {
  const updateAvailable = usePwa((s) => s.updateAvailable);
  const acceptUpdate = usePwa((s) => s.acceptUpdate);
  const titleId = useId();
  if (!updateAvailable) return null;
  return (
    <section className="pwa-banner" role="status" aria-labelledby={titleId}>
      <p>
        <strong id={titleId}>Update available</strong>{' '}
        <span>A new version of Rewind is ready. Reloading keeps all your data; every open tab moves to it.</span>
      </p>
      <button type="button" className="button button-primary" onClick={acceptUpdate}>
        Reload
      </button>
    </section>
  );
}
