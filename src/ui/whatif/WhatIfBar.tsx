import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { BranchBar } from './BranchBar.tsx';
import { WhatIfStart } from './WhatIfStart.tsx';
import '../components/components.css';
import './whatif.css';

/** Above every screen: "What if…" and the saved scenarios, or, while a branch is open, the branch's banner and tools. */
export function WhatIfBar() {
  const ledger = useLedger();
  const open = useStore(ledger.branch, (s) => s.plan !== undefined);
  return open ? <BranchBar /> : <WhatIfStart />;
}
