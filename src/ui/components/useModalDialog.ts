import { useEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';

/**
 * A `<dialog>` shown modal while mounted: the page behind it is inert, the focus moves to the first element
 * matching `firstFocus`, Escape calls `onEscape`, and once it is gone the focus is back on the control that
 * had it before (the one that opened it). Spread the result on the dialog.
 */
export function useModalDialog(firstFocus: string, onEscape: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    element.querySelector<HTMLElement>(firstFocus)?.focus();
    return () => {
      if (element.open) element.close();
      // Only once the dialog is closed: until then the page behind it is inert and takes no focus.
      if (opener?.isConnected) opener.focus();
    };
    // Shown once, when mounted; the caller's state unmounts it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return {
    ref,
    onKeyDown(event: KeyboardEvent) {
      // Escape answers this dialog, not a panel opened before it that listens on the document.
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    },
    onCancel(event: SyntheticEvent) {
      // Closed by the caller's state, so the dialog and the state never disagree.
      event.preventDefault();
      onEscape();
    },
  };
}
