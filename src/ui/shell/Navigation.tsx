import { Link, useLocation } from 'wouter';

export const TABS = [
  { href: '/accounts', label: 'Accounts' },
  { href: '/outbox', label: 'Outbox' },
  { href: '/reports', label: 'Reports' },
  { href: '/log', label: 'Event log' },
  { href: '/data', label: 'Data' },
];

/** The main tabs: in the header on wide screens, a sideways-scrolling row under the title on phones. */
export function Navigation() {
  const [path] = useLocation();
  // The start page shows the accounts.
  const location = path === '/' ? '/accounts' : path;
  return (
    <nav className="app-nav" aria-label="Main">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={location === tab.href || location.startsWith(`${tab.href}/`) ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
