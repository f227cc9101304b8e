import type { ReactNode } from 'react';
import './components.css';

export type BadgeTone = 'success' | 'neutral' | 'warning' | 'muted' | 'hypothetical';

/** A short status word beside a name: "Verified", "Closed", "Hypothetical". */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
