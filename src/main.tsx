import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { BootFailure } from './ui/boot/BootFailure.tsx';
import { BootProgress } from './ui/boot/BootProgress.tsx';
import { CodeNotLoadedError } from './ui/boot/codeNotLoaded.ts';
import './ui/shell/base.css';

const root = createRoot(document.getElementById('root')!);

// The boot screen is on the page before the ledger's code is requested: a first visit paints after React and
// this screen, not after the ledger, Dexie and the screens too (docs/performance.md, "Boot bundle").
flushSync(() =>
  root.render(
    <StrictMode>
      <BootProgress />
    </StrictMode>,
  ),
);
performance.mark('rewind:first-render');

// The log starts opening (and its snapshots loading) as soon as its code is in, while the screens' code loads;
// the service worker, connectivity and storage watchers start beside it. The ledger lives as long as the page.
const opening = import('./app/index.ts').then(
  ({ openLedger }) => openLedger(),
  (error: unknown) => Promise.reject(new CodeNotLoadedError(error)),
);
void import('./serviceworker/index.ts').then(({ startPwa }) => startPwa());
import('./ui/App.tsx').then(
  ({ App }) =>
    root.render(
      <StrictMode>
        <App opening={opening} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <StrictMode>
        <BootFailure message={error instanceof Error ? error.message : String(error)} opening="code" />
      </StrictMode>,
    ),
);
