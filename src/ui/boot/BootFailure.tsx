import type { ReactNode } from 'react';
import { eventsBefore } from './eventsBefore.ts';
import { formatCount } from '../components/formatCount.ts';
import '../components/components.css';
import './boot.css';

/** What stopped the boot before the replay: the app's own code did not arrive, or the database would not open. */
export type OpeningFailure = 'code' | 'database';

/**
 * Why the ledger cannot be shown. A damaged event stops the replay there (showing a state no history
 * produced would be worse); everything before it can still be exported from the Data screen.
 */
export function BootFailure({
  message,
  seq,
  opening,
  children,
}: {
  message: string;
  seq?: number;
  opening?: OpeningFailure;
  /** Offers shown before the details, such as exporting what can still be read. */
  children?: ReactNode;
}) {
  const before = seq === undefined ? undefined : eventsBefore(seq);
  const title =
    opening === 'code'
      ? 'Rewind could not load'
      : opening === 'database'
        ? 'Rewind could not open its data'
        : seq !== undefined
          ? `Event ${formatCount(seq)} of the log is damaged`
          : 'Rewind could not rebuild your ledger';
  return (
    <main className="boot">
      <div className="boot-card boot-failure" role="alert" aria-labelledby="boot-failure-title">
        <img className="boot-logo" src="/favicon.svg" alt="" width="48" height="48" />
        <h1 id="boot-failure-title">{title}</h1>
        {seq !== undefined && (
          <p>
            Rewind stopped rebuilding your ledger at event {formatCount(seq)} rather than show balances no history could
            produce. Nothing has been changed or deleted.
          </p>
        )}
        {opening === 'code' ? (
          <p>
            Part of the app did not arrive, so your data was not opened and nothing was changed. This happens when
            the connection drops before Rewind is ready to work offline, or just after an update; reloading when
            online fixes it.
          </p>
        ) : opening === 'database' ? (
          <p>
            The browser did not let Rewind open its database. Private windows and full disks can cause this;
            reloading often helps.
          </p>
        ) : (
          <p>
            Save what can still be read: go to <a href="#/data">Data → Export log</a> and keep the file
            {before && <> (export {before} only, to leave the damaged one out)</>}.
          </p>
        )}
        {children}
        <p className="boot-detail">Details: {message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
