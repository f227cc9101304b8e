import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPwa } from './serviceworker/index.ts';
import { openLedger } from './app/index.ts';
import { App } from './ui/App.tsx';

// Before the first render: the log starts opening (and its snapshots loading) while React renders, and the
// service worker, connectivity and storage watchers start with the page. The ledger lives as long as the page.
const opening = openLedger();
startPwa();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App opening={opening} />
  </StrictMode>,
);
