import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog.ts';
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
  const modal = useModalDialog('input, select, textarea', onClose);
  return (
    <dialog {...modal} className="sheet" aria-label={label}>
      <div className="sheet-grip" aria-hidden="true" />
      <button type="button" className="button button-small sheet-close" onClick={onClose}>
        {closeLabel}
      </button>
      {children}
    </dialog>
  );
}
