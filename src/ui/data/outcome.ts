import { showReopening } from './ReopeningScreen.tsx';

/**
 * An import or restore ends with a reload (the memory image is rebuilt from the
 * new log); what happened is carried over the reload to be said on the Data screen.
 */
const KEY = 'rewind:data-outcome';

export function rememberOutcome(text: string): void {
  sessionStorage.setItem(KEY, text);
}

/** The outcome from before the reload, if any. */
export function readOutcome(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

/** Said once: forgotten once the screen has shown it. */
export function forgetOutcome(): void {
  sessionStorage.removeItem(KEY);
}

/**
 * An import into an empty log leaves that empty log behind as a "backup"; it
 * is worth nothing, so the reloaded page deletes it instead of offering it.
 * (Not before the reload: this tab still holds that database open.)
 */
const EMPTY_BACKUP_KEY = 'rewind:backup-is-empty';

/** Reloads, saying `opening` on a full-screen card until the reloaded page's boot screen takes over. */
export function reloadToShowNewLog(text: string, { backupIsEmpty = false, opening = 'Opening the imported log…' } = {}): void {
  rememberOutcome(text);
  if (backupIsEmpty) sessionStorage.setItem(EMPTY_BACKUP_KEY, '1');
  showReopening(opening, () => location.reload());
}

export function backupIsEmpty(): boolean {
  return sessionStorage.getItem(EMPTY_BACKUP_KEY) !== null;
}

export function forgetEmptyBackup(): void {
  sessionStorage.removeItem(EMPTY_BACKUP_KEY);
}
