import { useEffect } from 'react';
import { TABS } from './Navigation.tsx';

const APP = 'Rewind';
const OTHER_TITLES: Record<string, string> = { '/': 'Accounts', '/verify': 'Verify account' };

function titleOf(screen: string): string {
  return `${screen} · ${APP}`;
}

/**
 * The page title names the screen ("Event log · Rewind"); an account's screen is named by its heading,
 * the owner, once it shows ("Dana Newcomer · Rewind"). Tabs, history and screen readers tell them apart.
 */
export function useDocumentTitle(location: string): void {
  useEffect(() => {
    const fixed = OTHER_TITLES[location] ?? TABS.find((tab) => tab.href === location)?.label;
    if (fixed) {
      document.title = titleOf(fixed);
      return;
    }
    const main = document.getElementById('main');
    const fromHeading = () => {
      const heading = main?.querySelector('h1')?.textContent?.trim();
      document.title = heading ? titleOf(heading) : APP;
    };
    fromHeading();
    if (!main) return;
    // The heading arrives with the screen's code, and can change (an account being renamed on import).
    const observer = new MutationObserver(fromHeading);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [location]);
}
