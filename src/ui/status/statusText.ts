import type { StoreHealth } from '../../app/index.ts';

/** What a status banner says, and what it offers to do about it. */
export interface StatusText {
  title: string;
  text: string;
  action: 'reload' | 'export';
  /** `problem` for what stops saving; `notice` for what only asks for a reload. */
  tone: 'problem' | 'notice';
}

/** The banner for the log's storage health; undefined while everything works. */
export function statusText(health: StoreHealth): StatusText | undefined {
  switch (health.state) {
    case 'ok':
    case 'closed':
      return undefined;
    case 'full':
      return {
        title: 'Storage is full',
        text: 'Your last change was not saved: this device has no room left for Rewind’s data. Export the log to keep a copy, then free up space and try again. Everything on screen is still here.',
        action: 'export',
        tone: 'problem',
      };
    case 'unavailable':
      return {
        title: 'Rewind lost its connection to the browser’s storage',
        text: 'Changes cannot be saved right now. Everything on screen can still be read; reload to reconnect.',
        action: 'reload',
        tone: 'problem',
      };
    case 'newer-version':
      return {
        title: 'A newer version is open',
        text: 'Rewind was updated in another tab, so this tab stopped saving. What you see stays readable. Reload to use the new version.',
        action: 'reload',
        tone: 'notice',
      };
    case 'deleted':
      return {
        title: 'Rewind’s data was deleted',
        text: 'The data of this site was cleared in this browser, so this tab stopped saving. Reload to start again; an exported log can be imported.',
        action: 'reload',
        tone: 'problem',
      };
    case 'replaced':
      return {
        title: health.here ? 'The log was replaced' : 'The log was replaced in another tab',
        text: 'This tab shows the log as it was before and can no longer save to it. Reload to see the current log.',
        action: 'reload',
        tone: 'notice',
      };
    default: {
      const unknown: never = health;
      return unknown;
    }
  }
}
