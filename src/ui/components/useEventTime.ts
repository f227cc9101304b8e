import { useEffect, useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';

/** When the event at `seq` was recorded (undefined at 0, before the first event, and while it is being read). */
export function useEventTime(seq: number): string | undefined {
  const ledger = useLedger();
  const [read, setRead] = useState<{ seq: number; at?: string }>();
  useEffect(() => {
    if (seq < 1) return;
    let current = true;
    ledger.queries.eventTime(seq).then(
      (at) => current && setRead({ seq, at }),
      () => current && setRead({ seq }),
    );
    return () => {
      current = false;
    };
  }, [ledger, seq]);
  return read?.seq === seq ? read.at : undefined;
}
