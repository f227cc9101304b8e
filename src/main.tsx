import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Ledger } from './app/index.ts';
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
// the service worker, connectivity and storage watchers start beside it.
const ledgerCode = import('./app/index.ts').catch((error: unknown) => Promise.reject(new CodeNotLoadedError(error)));
const open = (): Promise<Ledger> => ledgerCode.then(({ openLedger }) => openLedger({ reopen }));
let opening = open();
let generation = 0;
let App: typeof import('./ui/App.tsx').App | undefined;

/**
 * The ledger lives as long as the page, unless its log is switched under it by
 * a device's first download of a sync space: then it closes and opens the new
 * log, and the screens start afresh on it, at the same address, without
 * reloading the page.
 */
function reopen(): void {
  const closing = opening.then((ledger) => ledger.close());
  opening = closing.then(open, open);
  generation += 1;
  render();
}

function render(): void {
  if (!App) return;
  const Screens = App;
  root.render(
    <StrictMode>
      <Screens key={generation} opening={opening} />
    </StrictMode>,
  );
}

void import('./serviceworker/index.ts').then(({ startPwa }) => startPwa());
import('./ui/App.tsx').then(
  (module) => {
    App = module.App;
    render();
  },
  (error: unknown) =>
    root.render(
      <StrictMode>
        <BootFailure message={error instanceof Error ? error.message : String(error)} opening="code" />
      </StrictMode>,
    ),
);
