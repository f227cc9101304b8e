import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { openEventStore } from '../../../src/eventstore/index.ts';
import { firstPull } from '../../../src/app/sync/firstPull.ts';
import { ledgerProjections } from '../../../src/domain/index.ts';
import { foldAll, startingCursors } from '../../../src/replay/index.ts';
import type { SyncSettings } from '../../../src/app/sync/syncState.ts';
import type { PulledEvent } from '../../../src/app/sync/wire.ts';

// A device joining with an empty log takes the space in one switch; what the server sends is judged by the rules first.

const ADA = '1111222233334444';
const at = '2026-12-07T09:00:00.000Z';
const event = (position: number, type: string, stream: string, version: number, payload: unknown): PulledEvent => ({
  position,
  device: 'Laptop',
  event: { type, payload: payload as never, meta: { id: `e${position}`, stream, version, at, ...(type.startsWith('Funds') && { schema: 2 }) } },
});
const opened = [
  event(1, 'AccountOpened', `account-${ADA}`, 1, { accountNumber: ADA, owner: 'Ada', email: 'ada@example.org' }),
  event(2, 'EmailReserved', 'email-c98bbabc3624dab68db5dfdbc3696448', 1, { email: 'ada@example.org', accountNumber: ADA }),
  event(3, 'FundsAdded', `account-${ADA}`, 2, { accountNumber: ADA, amount: 1_000, category: 'Uncategorized' }),
];

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers every pull with `events`, in pages of two; it drops the connection from request `failFrom` on. */
async function serving(events: PulledEvent[], failFrom = Infinity): Promise<string> {
  let requests = 0;
  server = createServer((req, res) => {
    if (++requests >= failFrom) return void req.socket.destroy();
    const after = Number(new URL(req.url!, 'http://x').searchParams.get('after'));
    const page = events.filter((e) => e.position > after).slice(0, 2);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ events: page, last: page.at(-1)?.position ?? after, more: page.at(-1) !== events.at(-1) && page.length > 0 }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const settingsFor = (url: string): SyncSettings => ({
  server: url,
  spaceId: 'AbCdEfGhIjKlMnOpQrStUv',
  secret: 's'.repeat(43),
  deviceName: 'Phone',
  position: 0,
  confirmedThrough: 0,
  pulled: [],
});

describe('the first pull of a device with an empty log', () => {
  test('takes every page into a new log in one switch, with the settings and the process managers past what arrived', async () => {
    const store = await openEventStore({ name: 'phone' });
    expect(await firstPull(store, settingsFor(await serving(opened)), () => new Date(at))).toBe(true);
    expect(store.health().state).toBe('replaced');
    store.close();

    const reopened = await openEventStore({ name: 'phone' });
    expect((await reopened.readAll()).map((e) => [e.meta.id, e.meta.seq, e.meta.version])).toEqual([
      ['e1', 1, 1],
      ['e2', 2, 1],
      ['e3', 3, 2],
    ]);
    expect(await reopened.getCheckpoint('pm:verification-mailer')).toBe(3);
    expect((await reopened.getDocument('sync:settings'))?.data).toMatchObject({ position: 3, confirmedThrough: 3, pulled: [] });
    // The read models come with it, as the fold of what arrived: the first load replays nothing.
    const log = await reopened.readAll();
    const starts = await startingCursors(reopened, ledgerProjections, 3);
    for (const projection of ledgerProjections) expect(starts[projection.name]).toEqual({ seq: 3, state: foldAll([projection], log)[projection.name] });
    reopened.close();
  });

  test('refuses a server whose events break the ledger\'s rules (an overdraft), naming the event, and stores nothing', async () => {
    const store = await openEventStore({ name: 'phone' });
    const overdraft = event(4, 'FundsWithdrawn', `account-${ADA}`, 3, { accountNumber: ADA, amount: 5_000, category: 'Groceries' });
    await expect(firstPull(store, settingsFor(await serving([...opened, overdraft])), () => new Date(at))).rejects.toMatchObject({
      code: 'RULE_BROKEN_BY_SERVER',
      message: expect.stringContaining('event e4, FundsWithdrawn'),
    });
    expect(store.health().state).toBe('ok');
    expect(await store.lastSeq()).toBe(0);
    expect(await store.getDocument('sync:settings')).toBeUndefined();
    store.close();
  });

  test('changes nothing when the log is not empty any more', async () => {
    const store = await openEventStore({ name: 'phone' });
    await store.append('account-9999000011112222', [{ type: 'Note', payload: null }]);
    expect(await firstPull(store, settingsFor(await serving(opened)), () => new Date(at))).toBe(false);
    expect(await store.lastSeq()).toBe(1);
    store.close();
  });

  test('a download that breaks off keeps what arrived whole, and the settings say where the next pull goes on', async () => {
    const store = await openEventStore({ name: 'phone' });
    expect(await firstPull(store, settingsFor(await serving(opened, 2)), () => new Date(at))).toBe(true);
    store.close();

    const reopened = await openEventStore({ name: 'phone' });
    expect((await reopened.readAll()).map((e) => e.meta.id)).toEqual(['e1', 'e2']);
    expect((await reopened.getDocument('sync:settings'))?.data).toMatchObject({ position: 2, confirmedThrough: 2 });
    reopened.close();
  });

  // A server that is buggy or hostile, built from a valid download: each event below would have reached the
  // log unread, making it unreadable or its streams inconsistent.
  const note = (meta: Record<string, unknown>) => ({ position: 4, device: 'Laptop', event: { type: 'Note', payload: null, meta } }) as unknown as PulledEvent;
  const madeBad: [string, PulledEvent, string][] = [
    ['an event without a time', note({ id: 'e4', stream: 'notes', version: 1 }), 'event.meta.at must be an ISO-8601 UTC time'],
    ['an event without an id', note({ stream: 'notes', version: 1, at }), 'event.meta.id must be a non-empty string'],
    ['a version in words', note({ id: 'e4', stream: 'notes', version: 'one', at }), 'event.meta.version must be a whole number'],
    ['a stream that skips versions', { ...opened[2]!, position: 4, event: { ...opened[2]!.event, meta: { ...opened[2]!.event.meta, id: 'e4', version: 7 } } }, 'version 3 is missing'],
    ['an id used before', note({ id: 'e1', stream: 'notes', version: 1, at }), 'its id is already used by the event at seq 1'],
    ['null for an event', { position: 4, device: 'Laptop', event: null } as unknown as PulledEvent, 'event must be an event object'],
    ['an event whose position is not a whole number', { ...opened[2]!, position: 3.5, event: { ...opened[2]!.event, meta: { ...opened[2]!.event.meta, id: 'e4', version: 3 } } } as unknown as PulledEvent, 'its position in the space is not a whole number'],
  ];
  for (const [what, bad, reason] of madeBad)
    test(`refuses ${what} with a clear error, and stores nothing`, async () => {
      const store = await openEventStore({ name: 'phone' });
      await expect(firstPull(store, settingsFor(await serving([...opened, bad])), () => new Date(at))).rejects.toMatchObject({
        code: 'BAD_EVENT_FROM_SERVER',
        message: expect.stringContaining(reason),
      });
      expect(store.health().state).toBe('ok');
      expect(await store.lastSeq()).toBe(0);
      expect(await store.getDocument('sync:settings')).toBeUndefined();
      store.close();
    });
});
