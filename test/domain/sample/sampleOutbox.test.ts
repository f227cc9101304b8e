import { expect, test } from 'vitest';
import { listMessages, outboxProjection, sampleLedger, seededRandom, type OutboxState } from '../../../src/domain/index.ts';

const start = new Date('2025-01-01T00:00:00.000Z');

test('a sample ledger leaves no message waiting in the outbox: every notice it queues was sent or done', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const events = sampleLedger({ start, random: seededRandom(seed) });
    let outbox: OutboxState = outboxProjection.initial;
    for (const event of events) outbox = outboxProjection.apply(outbox, event);
    expect(outbox.queued, `seed ${seed}`).toBe(0);
    expect(listMessages(outbox, { status: 'queued' }), `seed ${seed}`).toEqual([]);
    // Still a year of real notices, each sent through a recorded MarkMessageSent rather than left out.
    const messages = listMessages(outbox);
    expect(messages.filter((m) => m.kind === 'withdrawal').length).toBeGreaterThan(100);
    expect(messages.filter((m) => m.kind === 'verification').length).toBe(6);
    expect(outbox.sent).toBe(events.filter((e) => e.type === 'MessageSent').length);
    for (const m of messages) expect(m.sentAt! > m.queuedAt, m.messageId).toBe(true);
  }
});
