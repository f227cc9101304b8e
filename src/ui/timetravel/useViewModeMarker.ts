import { useEffect } from 'react';
import type { ViewMode } from '../ledger/useView.ts';

/**
 * Marks the page with what the screens show (`<html data-view-mode="past">`), so
 * the stylesheet can tint every screen while it shows the past or a what-if
 * branch, not only the bars that say so.
 */
export function useViewModeMarker(mode: ViewMode): void {
  useEffect(() => {
    document.documentElement.dataset.viewMode = mode;
    return () => {
      delete document.documentElement.dataset.viewMode;
    };
  }, [mode]);
}
