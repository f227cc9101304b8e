import { useEffect, useId, useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';

/**
 * "Pair another device": the pairing link (it holds the space's secret, so it shows only when asked), a copy
 * button, and its QR code for a phone's camera. The QR encoder loads on demand, off the boot path.
 */
export function PairDevice() {
  const ledger = useLedger();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [qr, setQr] = useState<string>();
  const [copied, setCopied] = useState<string>();
  const link = open ? ledger.sync.pairingLink() : undefined;

  useEffect(() => {
    if (!link) return;
    let current = true;
    void import('uqr').then(({ renderSVG }) => current && setQr(renderSVG(link, { border: 2 })));
    return () => {
      current = false;
    };
  }, [link]);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied. Open the link on the other device.');
    } catch {
      setCopied('Could not copy here: select the link and copy it yourself.');
    }
  };

  const toggle = () => {
    setOpen(!open);
    setCopied(undefined);
    if (open) setQr(undefined);
  };

  return (
    <section className="sync-pair" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Pair another device</h3>
      <p>Open this link on the other device, or scan its code with the device’s camera. Anyone with the link can read and change this ledger: share it only with your own devices.</p>
      <div className="form-buttons">
        <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-link`} onClick={toggle}>
          {open ? 'Hide the pairing link' : 'Show the pairing link'}
        </button>
      </div>
      <div id={`${id}-link`} hidden={!open}>
        {link && (
          <>
            <label htmlFor={`${id}-text`}>Pairing link</label>
            <div className="sync-inline">
              <input id={`${id}-text`} className="sync-link" value={link} readOnly onFocus={(e) => e.target.select()} />
              <button type="button" className="button" onClick={() => void copy()}>
                Copy link
              </button>
            </div>
            <p className="form-success" role="status">
              {copied}
            </p>
            {/* The encoder's own SVG markup: built from the link, which this app wrote. */}
            <div className="sync-qr" role="img" aria-label="QR code of the pairing link" dangerouslySetInnerHTML={qr ? { __html: qr } : undefined} />
          </>
        )}
        {open && !link && <p>Sync is off, so there is nothing to pair with.</p>}
      </div>
    </section>
  );
}
