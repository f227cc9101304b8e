import { Link, useLocation } from 'wouter';

const TABS = [
  { href: '/accounts', label: 'Accounts' },
  { href: '/outbox', label: 'Outbox' },
  { href: '/reports', label: 'Reports' },
  { href: '/log', label: 'Event log' },
  { href: '/data', label: 'Data' },
];

export function Navigation() {
  const [location] = useLocation();
  return (
    <nav className="app-nav" aria-label="Main">
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={location.startsWith(tab.href) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
