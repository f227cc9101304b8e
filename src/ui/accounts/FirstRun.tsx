import { useState } from 'react';
import { useLedger } from '../ledger/LedgerContext.tsx';
import { useViewInfo } from '../ledger/useView.ts';

type Loading =
  | { state: 'idle' }
  | { state: 'loading'; events: number }
  | { state: 'done'; events: number }
  | { state: 'failed'; message: string };

/**
 * An empty log offers a year of a household's accounts to try time travel and what-if on. The card stays
 * until the sample is in, then says what to try.
 */
export function FirstRun() {
  const ledger = useLedger();
  const view = useViewInfo();
  const [loading, setLoading] = useState<Loading>({ state: 'idle' });
  const empty = view.mode === 'live' && view.liveSeq === 0;
  if (!empty && loading.state === 'idle') return null;

  const load = async () => {
    setLoading({ state: 'loading', events: 0 });
    try {
      const events = await ledger.loadSample((count) => setLoading({ state: 'loading', events: count }));
      setLoading({ state: 'done', events });
    } catch (error) {
      setLoading({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (loading.state === 'done') {
    return (
      <section className="card first-run" aria-labelledby="first-run-title">
        <h2 id="first-run-title">Sample data loaded</h2>
        <p role="status">
          {loading.events} sample events are in the log. Open an account to see its history, or try Time travel
          and What if… to replay and rewrite the year.
        </p>
      </section>
    );
  }
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Your ledger is empty</h2>
      <p>
        Open your first account below, or load sample data to look around first: a year in the accounts of the
        Okafor-Lind household — a joint account, two personal ones, a holiday fund, a child’s pocket money and
        an old savings account closed in spring, with salaries, rent, groceries, transfers and a summer
        holiday. Several hundred events, each marked as sample data in the log, ready for time travel and
        what-if.
      </p>
      <div className="first-run-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void load()}
          disabled={loading.state === 'loading'}
        >
          Load sample data
        </button>
        <p role="status" className="first-run-status">
          {loading.state === 'loading' &&
            (loading.events ? `Recording ${loading.events} sample events…` : 'Preparing the sample year…')}
        </p>
      </div>
      {loading.state === 'failed' && (
        <p className="form-problem" role="alert">
          The sample data could not be loaded: {loading.message}
        </p>
      )}
    </section>
  );
}
