import { useStore } from 'zustand';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { BranchBar } from './BranchBar.tsx';
import { BranchTool } from './BranchTool.tsx';
import { WhatIfStart } from './WhatIfStart.tsx';
import '../components/components.css';
import './whatif.css';

function useBranchOpen(): boolean {
  return useStore(useLedger().branch, (s) => s.plan !== undefined);
}

/** In the header: "What if…" and the saved scenarios, while no branch is open. */
export function WhatIfControls() {
  return useBranchOpen() ? null : <WhatIfStart />;
}

/** The header's second line while a branch is open: it is hypothetical, what it changes, its actions. */
export function WhatIfBanner() {
  return useBranchOpen() ? <BranchBar /> : null;
}

/** The branch tool unfolded from the banner (compare, inject, save), above the screen. */
export function WhatIfPanel() {
  return useBranchOpen() ? <BranchTool /> : null;
}
