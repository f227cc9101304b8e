import { useEffect, useRef, type ReactNode } from 'react';
import './sheet.css';

/**
 * A modal dialog: a bottom sheet sliding up on a phone, centred on a larger screen. While open the page
 * behind it is inert; focus moves to its first field, Escape or the close button call `onClose`, and once
 * it is gone the focus is back on the control that had it before (the one that opened it).
 */
export function Sheet({
  label,
  onClose,
  closeLabel = 'Close',
  children,
}: {
  label: string;
  onClose(): void;
  closeLabel?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    element.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      if (element.open) element.close();
      // Only once the dialog is closed: until then the page behind it is inert and takes no focus.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sheet"
      aria-label={label}
      onKeyDown={(event) => {
        // Escape closes this sheet, not a panel opened before it that listens on the document.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onCancel={(event) => {
        // Closed by the caller's state, so the dialog and the state never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="sheet-grip" aria-hidden="true" />
      <button type="button" className="button button-small sheet-close" onClick={onClose}>
        {closeLabel}
      </button>
      {children}
    </dialog>
  );
}
