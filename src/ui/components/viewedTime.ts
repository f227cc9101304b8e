import type { ViewInfo } from '../ledger/useView.ts';

/** "Now" as the screens show it: the moment being viewed during time travel, else the clock. */
export function viewedTime(view: ViewInfo): Date {
  return view.mode === 'past' && view.at ? new Date(view.at) : new Date();
}
