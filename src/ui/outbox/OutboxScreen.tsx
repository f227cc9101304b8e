import { useView } from '../ledger/useView.ts';
import { MessageSection } from './MessageSection.tsx';
import './outbox.css';

/** Messages the ledger wants sent: Rewind has no mail server, so a person sends them and marks them sent. */
export function OutboxScreen() {
  const queued = useView((s) => s.outbox.queued);
  const sent = useView((s) => s.outbox.sent);
  return (
    <div className="screen outbox-screen">
      <div className="screen-head">
        <h1>Outbox</h1>
        <p className="screen-lead">
          Rewind sends no e-mail by itself. Send each message from your mail app or the share sheet, then mark
          it as sent.
        </p>
      </div>
      <MessageSection status="queued" title="Waiting to be sent" count={queued} empty="Nothing waits to be sent." />
      <MessageSection status="sent" title="Sent" count={sent} empty="No message has been sent yet." />
    </div>
  );
}
