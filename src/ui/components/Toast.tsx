import { useEffect, useState } from 'react';
import './toast.css';

export interface ToastMessage {
  /** A new key for each message, so the same words said twice show (and are announced) twice. */
  key: number;
  text: string;
}

const SHOWN_MS = 5000;

/**
 * A short confirmation at the bottom of the screen that hides itself after a few seconds, or on Dismiss.
 * It stays while the pointer or focus is on it, so it can be read and its button reached. The status
 * region stays mounted so screen readers announce each new message.
 */
export function Toast({ message, onDismiss }: { message?: ToastMessage; onDismiss(): void }) {
  const [held, setHeld] = useState(false);
  const [hovered, setHovered] = useState(false);
  const paused = held || hovered;
  // A dismissed toast takes its focused button with it, and no blur follows.
  useEffect(() => {
    if (!message) setHeld(false);
  }, [message]);
  useEffect(() => {
    if (!message || paused) return;
    const timer = window.setTimeout(onDismiss, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [message, paused, onDismiss]);
  return (
    <div
      className={`toast${message ? ' toast-shown' : ''}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="toast-text" role="status">
        {message?.text}
      </p>
      {message && (
        <button type="button" className="button button-small toast-dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
