import { useEffect, useState } from 'react';

/** Phones: below the width where a form fits beside the content (app.css breaks at 40rem too). */
export const PHONE_QUERY = '(max-width: 40rem)';

/** Whether a media query matches, following it as the window is resized or turned. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
