import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { openLedger, type Ledger } from '../store/index.ts';
import { AccountScreen } from './accounts/AccountScreen.tsx';
import { AccountsScreen } from './accounts/AccountsScreen.tsx';
import { BootScreen } from './boot/BootScreen.tsx';
import { DataScreen } from './data/DataScreen.tsx';
import { EventLogScreen } from './eventlog/EventLogScreen.tsx';
import { LedgerProvider } from './ledger/LedgerContext.tsx';
import { OutboxScreen } from './outbox/OutboxScreen.tsx';
import { VerifyRoute } from './outbox/VerifyRoute.tsx';
import { OfflineIndicator, UpdatePrompt } from './pwa/index.ts';
import { ReportsScreen } from './reports/ReportsScreen.tsx';
import { Navigation } from './shell/Navigation.tsx';
import { TimeTravelBar } from './timetravel/TimeTravelBar.tsx';
import { WhatIfBar } from './whatif/WhatIfBar.tsx';

/** Opens the ledger once per tab, shows the boot progress, then the screens. */
export function App() {
  const [ledger, setLedger] = useState<Ledger>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let opened: Ledger | undefined;
    openLedger().then((l) => setLedger((opened = l)), setError);
    return () => void opened?.close();
  }, []);
  if (error) return <BootScreen error={error} />;
  if (!ledger) return <BootScreen />;
  return (
    <LedgerProvider ledger={ledger}>
      <Booted ledger={ledger} />
    </LedgerProvider>
  );
}

function Booted({ ledger }: { ledger: Ledger }) {
  const status = useStore(ledger.image.store, (s) => s.status);
  if (status !== 'ready') return <BootScreen image={ledger.image} />;
  return (
    <Router hook={useHashLocation}>
      <div className="app">
        <header className="app-header">
          <a className="app-title" href="#/accounts">
            Rewind
          </a>
          <OfflineIndicator />
        </header>
        <TimeTravelBar />
        <WhatIfBar />
        <Navigation />
        <main className="app-main">
          <Switch>
            <Route path="/accounts" component={AccountsScreen} />
            <Route path="/accounts/:number">{(params) => <AccountScreen number={params.number} />}</Route>
            <Route path="/outbox" component={OutboxScreen} />
            <Route path="/verify" component={VerifyRoute} />
            <Route path="/reports" component={ReportsScreen} />
            <Route path="/log" component={EventLogScreen} />
            <Route path="/data" component={DataScreen} />
            <Route>
              <Redirect to="/accounts" />
            </Route>
          </Switch>
        </main>
        <UpdatePrompt />
      </div>
    </Router>
  );
}
