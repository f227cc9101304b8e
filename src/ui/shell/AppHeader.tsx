import type { ReactNode } from 'react';
import { OfflineIndicator } from './OfflineIndicator.tsx';
import { Navigation } from './Navigation.tsx';
import { SyncIndicator } from '../sync/SyncIndicator.tsx';

/**
 * Sticky at the top: the app's name with sync's status under it (beside it on a phone), the main tabs, the compact time-travel
 * and what-if controls (`tools`), the offline notice, and while the past or a branch is shown, its slim banner.
 */
export function AppHeader({ navigation = true, tools, banner }: { navigation?: boolean; tools?: ReactNode; banner?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="app-brand">
          <a className="app-title" href="#/accounts">
            <img className="app-logo" src="/favicon.svg" alt="" width="24" height="24" />
            <span className="app-name">Rewind</span>
          </a>
          <SyncIndicator />
        </div>
        {navigation && <Navigation />}
        {tools && <div className="header-tools">{tools}</div>}
        <OfflineIndicator />
      </div>
      {banner && <div className="app-header-banner">{banner}</div>}
    </header>
  );
}
