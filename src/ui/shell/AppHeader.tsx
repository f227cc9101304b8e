import { OfflineIndicator } from './OfflineIndicator.tsx';
import { Navigation } from './Navigation.tsx';

/** The app's name, the main tabs and the offline notice; sticky at the top. */
export function AppHeader({ navigation = true }: { navigation?: boolean }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="app-title" href="#/accounts">
          <img className="app-logo" src="/favicon.svg" alt="" width="24" height="24" />
          Rewind
        </a>
        {navigation && <Navigation />}
        <OfflineIndicator />
      </div>
    </header>
  );
}
