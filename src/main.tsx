import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPwa } from './pwa/index.ts';
import { App } from './ui/App.tsx';

// Before the first render: the service worker, connectivity and storage watchers start with the page.
startPwa();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
