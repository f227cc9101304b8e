import { BalanceReport } from './BalanceReport.tsx';
import { InactiveAccounts } from './InactiveAccounts.tsx';
import { MoneyMovedTable } from './MoneyMovedTable.tsx';
import { SpendingReport } from './SpendingReport.tsx';
import '../components/components.css';
import './reports.css';

/** Loaded on demand (the chart library stays out of the boot bundle). */
export function ReportsScreen() {
  return (
    <div className="screen reports-screen">
      <div className="screen-head">
        <h1>Reports</h1>
      </div>
      <BalanceReport />
      <SpendingReport />
      <div className="columns columns-even">
        <MoneyMovedTable />
        <InactiveAccounts />
      </div>
    </div>
  );
}
