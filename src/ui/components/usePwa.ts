import { useEffect } from 'react';
import { useStore } from 'zustand';
import { pwaStore, startPwa, type PwaState } from '../../app/index.ts';

/** Reads the PWA status; the first component to mount starts the service worker and the watchers. */
export function usePwa<T>(selector: (state: PwaState) => T): T {
  useEffect(() => startPwa(), []);
  return useStore(pwaStore, selector);
}
