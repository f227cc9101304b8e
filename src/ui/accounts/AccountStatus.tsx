import type { AccountSummary } from '../../domain/index.ts';
import { Badge } from '../components/Badge.tsx';
import { NEEDS_NEWER } from './newerVersion.ts';

/** "Closed", "Verified" or "Not verified", and "Needs a newer Rewind" when a newer version changed it. */
export function AccountStatus({ account }: { account: AccountSummary }) {
  const status =
    account.status === 'closed' ? (
      <Badge tone="muted">Closed</Badge>
    ) : account.verified ? (
      <Badge tone="success">Verified</Badge>
    ) : (
      <Badge tone="warning">Not verified</Badge>
    );
  if (account.newerEvents === 0) return status;
  return (
    <>
      {status} <Badge tone="warning">{NEEDS_NEWER}</Badge>
    </>
  );
}
