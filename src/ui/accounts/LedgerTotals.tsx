import type { ReactNode } from 'react';
import { Money } from '../components/Money.tsx';
import { useView } from '../ledger/useView.ts';
import { formatCount } from '../components/formatCount.ts';

function Stat({ label, main = false, children }: { label: string; main?: boolean; children: ReactNode }) {
  return (
    <div className={main ? 'stat stat-main' : 'stat'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The control totals: money in the system, what came in and went out, and how many accounts. */
export function LedgerTotals() {
  const totals = useView((s) => s.totals);
  const open = useView((s) => s.accounts.openCount);
  const closed = useView((s) => s.accounts.closedCount);
  return (
    <section className="stats" aria-label="Totals">
      <dl>
        <Stat label="Money in the system" main>
          <Money cents={totals.inSystem} />
        </Stat>
        <Stat label="Deposited">
          <Money cents={totals.deposited} />
        </Stat>
        <Stat label="Withdrawn">
          <Money cents={totals.withdrawn} />
        </Stat>
        <Stat label="Accounts">
          {formatCount(open)} open
          {closed > 0 && <span className="stat-extra">, {formatCount(closed)} closed</span>}
        </Stat>
      </dl>
    </section>
  );
}
