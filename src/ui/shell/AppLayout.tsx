import { lazy, Suspense, useEffect, type MouseEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { TimeTravelBanner } from '../timetravel/TimeTravelBanner.tsx';
import { TimeTravelButton } from '../timetravel/TimeTravelButton.tsx';
import { TimeTravelPanel } from '../timetravel/TimeTravelPanel.tsx';
import { StatusBanner } from '../status/index.ts';
import { AppHeader } from './AppHeader.tsx';
import { LedgerFooter } from './LedgerFooter.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';
import { usePersistenceRequest } from './usePersistenceRequest.ts';
import { useRouteFocus } from './useRouteFocus.ts';

// The what-if controls (and the scenario files they read and write) load just after the first screen, off the boot path.
const whatIf = () => import('../whatif/WhatIfBar.tsx');
const WhatIfControls = lazy(() => whatIf().then((m) => ({ default: m.WhatIfControls })));
const WhatIfBanner = lazy(() => whatIf().then((m) => ({ default: m.WhatIfBanner })));
const WhatIfPanel = lazy(() => whatIf().then((m) => ({ default: m.WhatIfPanel })));

/** Routes live in the hash, so the skip link moves focus itself instead of changing the hash. */
function skipToContent(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/**
 * The frame around every screen: header with tabs, the time-travel and what-if controls and their slim
 * banner; the panel they unfold; footer, update prompt. Names the page and focuses its heading per screen.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  usePersistenceRequest();
  const [location] = useLocation();
  // A new screen starts at its top, as a new page would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  useDocumentTitle(location);
  useRouteFocus(location);
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <AppHeader
        tools={
          <>
            <TimeTravelButton />
            <Suspense fallback={null}>
              <WhatIfControls />
            </Suspense>
          </>
        }
        banner={
          <>
            <TimeTravelBanner />
            <Suspense fallback={null}>
              <WhatIfBanner />
            </Suspense>
          </>
        }
      />
      <StatusBanner />
      <div className="app-modes">
        <TimeTravelPanel />
        <Suspense fallback={null}>
          <WhatIfPanel />
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
