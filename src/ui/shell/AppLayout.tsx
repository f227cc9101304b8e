import { lazy, Suspense, useEffect, type MouseEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { TimeTravelBar } from '../timetravel/TimeTravelBar.tsx';
import { StatusBanner } from '../status/index.ts';
import { AppHeader } from './AppHeader.tsx';
import { LedgerFooter } from './LedgerFooter.tsx';
import { usePersistenceRequest } from './usePersistenceRequest.ts';

// The what-if bar (and the scenario files it reads and writes) loads just after the first screen, off the boot path.
const WhatIfBar = lazy(() => import('../whatif/WhatIfBar.tsx').then((m) => ({ default: m.WhatIfBar })));

/** Routes live in the hash, so the skip link moves focus itself instead of changing the hash. */
function skipToContent(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The frame around every screen: header and tabs, the time-travel and what-if banners, footer, update prompt. */
export function AppLayout({ children }: { children: ReactNode }) {
  usePersistenceRequest();
  const [location] = useLocation();
  // A new screen starts at its top, as a new page would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <AppHeader />
      <StatusBanner />
      <div className="app-modes">
        <TimeTravelBar />
        <Suspense fallback={null}>
          <WhatIfBar />
        </Suspense>
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <LedgerFooter />
      <UpdatePrompt />
    </div>
  );
}
