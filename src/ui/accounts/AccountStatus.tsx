import type { AccountSummary } from '../../domain/index.ts';
import { Badge } from '../components/Badge.tsx';

/** "Closed", "Verified" or "Not verified". */
export function AccountStatus({ account }: { account: AccountSummary }) {
  if (account.status === 'closed') return <Badge tone="muted">Closed</Badge>;
  return account.verified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>;
}
