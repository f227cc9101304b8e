import { useEffect, useRef, type RefObject } from 'react';

interface OpenLayer {
  close(): void;
  returnTo: HTMLElement | null;
  opener: RefObject<HTMLElement | null> | undefined;
}

// Panels opened one inside another close one Escape at a time, the last opened first.
const layers: OpenLayer[] = [];

function onKeyDown(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  // A modal dialog closes itself on Escape; the panels under it stay.
  if (event.target instanceof Element && event.target.closest('dialog')) return;
  const layer = layers.at(-1);
  if (!layer) return;
  event.preventDefault();
  // The control that opened it, else what had the focus then (when the opener went away with the panel).
  const target = layer.opener?.current ?? (layer.returnTo?.isConnected ? layer.returnTo : null);
  layer.close();
  target?.focus();
}

/**
 * While `open`, Escape calls `close` and puts the focus back on `opener` (or on whatever had the
 * focus when the panel opened), as a person closing a panel or menu expects.
 */
export function useEscapeToClose(open: boolean, close: () => void, opener?: RefObject<HTMLElement | null>): void {
  const latestClose = useRef(close);
  useEffect(() => {
    latestClose.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const layer: OpenLayer = { close: () => latestClose.current(), returnTo, opener };
    layers.push(layer);
    if (layers.length === 1) document.addEventListener('keydown', onKeyDown);
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (layers.length === 0) document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, opener]);
}
