import { Money } from '../components/Money.tsx';

/** What the account holds, shown beside an amount that takes money out of it. */
export function AvailableBalance({ cents }: { cents: number }) {
  return (
    <p className="amount-available">
      Available: <Money cents={cents} />
    </p>
  );
}
