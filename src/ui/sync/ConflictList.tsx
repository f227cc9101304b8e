import { useCallback } from 'react';
import { getAccount } from '../../domain/index.ts';
import type { SyncConflict } from '../../app/index.ts';
import { useLiveView } from '../ledger/useView.ts';
import { ConflictCard } from './ConflictCard.tsx';

/** Every change of this device that met another device's change on the same account, newest last, until dismissed. */
export function ConflictList({ conflicts }: { conflicts: readonly SyncConflict[] }) {
  const accounts = useLiveView((s) => s.accounts);
  const ownerOf = useCallback((number: string) => getAccount(accounts, number)?.owner, [accounts]);
  if (conflicts.length === 0) return null;
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h3 id="sync-conflicts-title">Changes that met another device’s</h3>
      <ul>
        {conflicts.map((conflict) => (
          <ConflictCard key={conflict.id} conflict={conflict} ownerOf={ownerOf} />
        ))}
      </ul>
    </section>
  );
}
