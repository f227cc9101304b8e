import { useMemo } from 'react';
import { usedCategories, type AccountSummary } from '../../domain/index.ts';

const NONE: readonly string[] = [];

/**
 * The categories the account's movements use at the point the screens show, in list order: the history
 * filter's choices and the custom names the forms suggest. The account's row keeps them (the accounts read
 * model), so no history is read for them, however long it is.
 */
export function useAccountCategories(account: AccountSummary | undefined): readonly string[] {
  const bits = account?.categoryBits ?? 0;
  const custom = account?.customCategories;
  return useMemo(() => (bits === 0 && !custom ? NONE : usedCategories(bits, custom)), [bits, custom]);
}
