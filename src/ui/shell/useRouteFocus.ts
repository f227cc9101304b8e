import { useEffect, useRef } from 'react';

/** How long a screen's code may take to load before its heading is no longer waited for. */
const WAIT_MS = 10_000;

/**
 * After a route change (not the first load), moves the focus to the new screen's h1 once it shows, as a
 * new page would: keyboard and screen-reader users land on the screen they went to, Back and Forward too.
 */
export function useRouteFocus(location: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    // A screen loaded on demand shows "Loading…" first.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location]);
}
