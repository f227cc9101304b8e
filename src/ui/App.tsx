import { lazy, Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Redirect, Route, Router, Switch, useLocation, useSearch } from 'wouter';
import type { Ledger } from '../app/index.ts';
import { AccountsScreen } from './accounts/AccountsScreen.tsx';
import { eventsBefore } from './boot/eventsBefore.ts';
import { BootScreen } from './boot/BootScreen.tsx';
import { LedgerProvider } from './ledger/LedgerContext.tsx';
import { WholeImage } from './ledger/WholeImage.tsx';
import { AppHeader } from './shell/AppHeader.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { useHashRoute } from './shell/hashRoute.ts';
import { Loading } from './components/Loading.tsx';
import './shell/base.css';
import './shell/app.css';
import { formatCount } from './components/formatCount.ts';
import { SyncConflictBanner } from './sync/SyncConflictBanner.tsx';

// Screens not needed to show the first one load on demand, keeping the boot bundle small.
const AccountScreen = lazy(() => import('./accounts/AccountScreen.tsx').then((m) => ({ default: m.AccountScreen })));
const OutboxScreen = lazy(() => import('./outbox/OutboxScreen.tsx').then((m) => ({ default: m.OutboxScreen })));
const VerifyRoute = lazy(() => import('./outbox/VerifyRoute.tsx').then((m) => ({ default: m.VerifyRoute })));
const ReportsScreen = lazy(() => import('./reports/ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })));
const EventLogScreen = lazy(() => import('./eventlog/EventLogScreen.tsx').then((m) => ({ default: m.EventLogScreen })));
const DataScreen = lazy(() => import('./data/DataScreen.tsx').then((m) => ({ default: m.DataScreen })));
const SyncPanel = lazy(() => import('./sync/SyncPanel.tsx').then((m) => ({ default: m.SyncPanel })));
const JoinRoute = lazy(() => import('./sync/JoinRoute.tsx').then((m) => ({ default: m.JoinRoute })));
// Only a damaged log needs it, and it brings the file writer with it.
const DamagedLogExport = lazy(() => import('./status/DamagedLogExport.tsx').then((m) => ({ default: m.DamagedLogExport })));

/**
 * Shows the boot progress, then the screens, of the ledger this tab opened. The
 * page opens it (main.tsx) before React's first render, so the log's snapshots
 * load while the screens render; it lives as long as the page.
 */
export function App({ opening }: { opening: Promise<Ledger> }) {
  const [ledger, setLedger] = useState<Ledger>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    opening.then(setLedger, setError);
  }, [opening]);
  if (error) return <BootScreen error={error} />;
  if (!ledger) return <BootScreen />;
  return (
    <LedgerProvider ledger={ledger}>
      <Router hook={useHashRoute}>
        <Booted ledger={ledger} />
      </Router>
    </LedgerProvider>
  );
}

function Booted({ ledger }: { ledger: Ledger }) {
  const status = useStore(ledger.image, (s) => s.status);
  const [location] = useLocation();
  const search = useSearch();
  if (status === 'booting') return <BootScreen image={ledger.image} />;
  if (status === 'failed') return <Damaged ledger={ledger} />;
  return (
    <AppLayout>
      <Suspense fallback={<Loading what="the screen" />}>
        {/* Keyed by the address, so a screen showing one record (an account, a verification link) starts afresh
            for another: nothing it holds, a form's message or a half-typed amount, can outlive its record. */}
        {/* The event log and an account keep their screen when only their filter (the query) changes. */}
        <Switch key={search && location !== '/log' && !location.startsWith('/accounts/') ? `${location}?${search}` : location}>
          {/* The start page is the accounts list, without a redirect (no extra history entry). */}
          <Route path="/" component={AccountsWithSync} />
          <Route path="/accounts" component={AccountsWithSync} />
          <Route path="/accounts/:number">{(params) => <AccountScreen number={params.number} />}</Route>
          {/* These read the read models that load after the first screen. */}
          <Route path="/outbox">
            <WholeImage what="the outbox">
              <OutboxScreen />
            </WholeImage>
          </Route>
          <Route path="/verify">
            <WholeImage what="the verification">
              <VerifyRoute />
            </WholeImage>
          </Route>
          <Route path="/reports">
            <WholeImage what="the reports">
              <ReportsScreen />
            </WholeImage>
          </Route>
          <Route path="/log" component={EventLogScreen} />
          <Route path="/data">
            <DataScreen
              sync={
                <Suspense fallback={<Loading what="sync" />}>
                  <SyncPanel />
                </Suspense>
              }
            />
          </Route>
          <Route path="/sync/join" component={JoinRoute} />
          <Route>
            <Redirect to="/accounts" replace />
          </Route>
        </Switch>
      </Suspense>
    </AppLayout>
  );
}

/** The accounts, under a banner while a change of this device was refused after syncing. */
function AccountsWithSync() {
  return (
    <>
      <SyncConflictBanner />
      <AccountsScreen />
    </>
  );
}

/** A log that cannot be replayed: the failure, and the Data screen, from which what is readable can be exported. */
function Damaged({ ledger }: { ledger: Ledger }) {
  const seq = useStore(ledger.image, (s) => s.error?.seq);
  const before = seq === undefined ? undefined : eventsBefore(seq);
  return (
    <Switch>
      <Route path="/data">
        <div className="app">
          <AppHeader navigation={false} />
          <main id="main" className="app-main">
            <p className="form-problem boot-inline" role="alert">
              {seq === undefined ? 'The log could not be replayed.' : `Event ${formatCount(seq)} of the log is damaged.`} Export log
              saves the events that can still be read{before ? ` (${before})` : ''}.
            </p>
            <Suspense fallback={<Loading what="the Data screen" />}>
              <DataScreen />
            </Suspense>
          </main>
        </div>
      </Route>
      <Route>
        <BootScreen image={ledger.image}>
          {seq !== undefined && (
            <Suspense fallback={<Loading what="the export" />}>
              <DamagedLogExport seq={seq} />
            </Suspense>
          )}
        </BootScreen>
      </Route>
    </Switch>
  );
}
