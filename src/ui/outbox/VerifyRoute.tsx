import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { parseVerificationQuery, verificationMessage } from '../../domain/index.ts';
import { formatAccountNumber } from '../components/accountNumber.ts';
import { describeError, ownersIn } from '../components/describeError.ts';
import { asLedgerStates } from '../../app/index.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import './outbox.css';

type Outcome = { state: 'verifying' } | { state: 'verified'; owner?: string } | { state: 'refused'; message: string };

/**
 * #/verify?account=…&code=…: the link in a verification message. Opening it verifies the account (once,
 * even if the page renders twice) and says how that went in plain words.
 */
export function VerifyRoute() {
  const ledger = useLedger();
  const link = parseVerificationQuery(useSearch());
  const account = link?.account ?? '';
  const code = link?.code ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ state: 'verifying' });
  const tried = useRef('');

  useEffect(() => {
    const key = `${account}/${code}`;
    if (tried.current === key) return;
    tried.current = key;
    if (!account || !code) {
      setOutcome({ state: 'refused', message: 'This verification link is incomplete: it needs an account number and a code.' });
      return;
    }
    setOutcome({ state: 'verifying' });
    const { outbox } = asLedgerStates(ledger.image.getState().states);
    const message = verificationMessage(outbox, account, code);
    ledger
      .dispatch({ type: 'VerifyAccount', account, code }, message ? { causationId: message.eventId } : undefined)
      .then(
        () => setOutcome({ state: 'verified', owner: message?.recipient }),
        (error: unknown) => setOutcome({ state: 'refused', message: describeError(error, { ownerOf: ownersIn(ledger) }).message }),
      );
  }, [ledger, account, code]);

  const number = account.replace(/[\s-]/g, '');
  const shown = /^\d{16}$/.test(number) ? formatAccountNumber(number) : account;
  return (
    <div className="screen verify-route">
      <h1>Verify account</h1>
      <div className="card" role="status">
        {outcome.state === 'verifying' && <p>Verifying account {shown}…</p>}
        {outcome.state === 'verified' && (
          <p className="verify-success">
            Account {shown}
            {outcome.owner ? ` (${outcome.owner})` : ''} is verified. Money can now leave it.
          </p>
        )}
        {outcome.state === 'refused' && <p className="form-problem">{outcome.message}</p>}
      </div>
      <p>
        {/^\d{16}$/.test(number) ? <a href={`#/accounts/${number}`}>Go to the account</a> : <a href="#/accounts">All accounts</a>}
        {' · '}
        <a href="#/outbox">Outbox</a>
      </p>
    </div>
  );
}
