import { useId, useState } from 'react';
import { listMessages } from '../../domain/index.ts';
import { useView } from '../ledger/useView.ts';
import { MessageCard } from './MessageCard.tsx';
import { formatCount } from '../components/formatCount.ts';

const PAGE = 10;

/** Newest first, a page at a time. */
export function MessageSection(props: { status: 'queued' | 'sent'; title: string; count: number; empty: string }) {
  const { status, title, count, empty } = props;
  const [limit, setLimit] = useState(PAGE);
  const messages = useView((s) => listMessages(s.outbox, { status, limit }));
  const titleId = useId();
  return (
    <section className="message-section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {title} <span className="message-count">({formatCount(count)})</span>
      </h2>
      {messages.length === 0 ? (
        <p className="empty-note">{empty}</p>
      ) : (
        <div className="message-list">
          {messages.map((m) => (
            <MessageCard key={`${m.accountNumber}/${m.messageId}`} message={m} />
          ))}
        </div>
      )}
      {count > messages.length && (
        <button type="button" className="button show-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show more ({formatCount(count - messages.length)} left)
        </button>
      )}
    </section>
  );
}
