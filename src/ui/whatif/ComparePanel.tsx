import { useMemo } from 'react';
import { AccountNumber } from '../components/AccountNumber.tsx';
import { Money } from '../components/Money.tsx';
import { formatMoney } from '../components/money.ts';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useLiveView, useView } from '../ledger/useView.ts';
import { useStore } from 'zustand';
import { compareWithReality, type TotalDifference } from './compare.ts';
import { formatCount } from '../components/formatCount.ts';

function TotalValue({ total, value }: { total: TotalDifference; value: number }) {
  return total.kind === 'money' ? <Money cents={value} /> : <>{value}</>;
}

/** A change, signed; coloured only where more is better (a balance), plain for flows such as money withdrawn. */
function Difference({ kind, value, toned = false }: { kind: 'money' | 'count'; value: number; toned?: boolean }) {
  if (value === 0) return <span className="no-difference">None</span>;
  if (kind === 'count') return <>{value > 0 ? `+${value}` : value}</>;
  return toned ? <Money cents={value} showSign /> : <span className="money">{formatMoney(value, { showSign: true })}</span>;
}

function CompareHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="numeric">
          This branch
        </th>
        <th scope="col" className="numeric">
          Reality
        </th>
        <th scope="col" className="numeric">
          Difference
        </th>
      </tr>
    </thead>
  );
}

/** "Compare with reality": what the branch changes in balances, accounts and report totals. */
export function ComparePanel() {
  const ledger = useLedger();
  const ready = useStore(ledger.branch, (s) => s.result !== undefined);
  const branch = useView((s) => s);
  const reality = useLiveView((s) => s);
  const comparison = useMemo(() => compareWithReality(branch, reality), [branch, reality]);
  if (!ready) return <p>Replaying the branch…</p>;

  return (
    <section className="card compare-panel" aria-label="Compare with reality">
      <h2>Compare with reality</h2>
      <table className="data-table compare-table">
        <caption>Accounts that differ</caption>
        <CompareHead first="Account" />
        <tbody>
          {comparison.accounts.length === 0 && (
            <tr>
              <td colSpan={4}>No account differs.</td>
            </tr>
          )}
          {comparison.accounts.map((a) => (
            <tr key={a.accountNumber}>
              <th scope="row">
                <span className="compare-owner">{a.owner}</span>
                <AccountNumber number={a.accountNumber} />
                {a.notes.map((note) => (
                  <span key={note} className="compare-note">
                    {note}
                  </span>
                ))}
              </th>
              <td className="numeric" data-label="This branch">{a.branch ? <Money cents={a.branch.balance} /> : '—'}</td>
              <td className="numeric" data-label="Reality">{a.reality ? <Money cents={a.reality.balance} /> : '—'}</td>
              <td className="numeric" data-label="Difference">
                <Difference kind="money" value={a.difference} toned />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.sameCount > 0 && (
        <p className="compare-same">
          {formatCount(comparison.sameCount)} other {comparison.sameCount === 1 ? 'account is' : 'accounts are'} the same in both.
        </p>
      )}
      <table className="data-table compare-table">
        <caption>Totals</caption>
        <CompareHead first="Total" />
        <tbody>
          {comparison.totals.map((t) => (
            <tr key={t.label}>
              <th scope="row">{t.label}</th>
              <td className="numeric" data-label="This branch">
                <TotalValue total={t} value={t.branch} />
              </td>
              <td className="numeric" data-label="Reality">
                <TotalValue total={t} value={t.reality} />
              </td>
              <td className="numeric" data-label="Difference">
                <Difference kind={t.kind} value={t.branch - t.reality} toned={t.toned} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
