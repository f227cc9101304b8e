import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/startServer.ts';
import { newSpace, pull, push } from './support/client.ts';
import { DeviceLedger } from './support/ledger.ts';
import { openLive } from './support/liveClient.ts';
import { stores } from './support/stores.ts';

const ANN = '4000000000000001';

describe.each(stores())('live events and restarts on $name', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ store: await kind.open() });
  }, 30_000);
  afterAll(() => server?.close());

  it('sends what was stored before connecting, then each commit made after, and resumes from a position', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    await push(server.url, space, [phone.open(ANN)]);
    const live = await openLive(server.url, space);
    try {
      const first = await live.next();
      expect(first.body.events).toHaveLength(4);
      expect(first.id).toBe(String(first.body.last));

      const deposit = phone.deposit(ANN, 1_200);
      await push(server.url, space, [deposit]);
      const second = await live.next();
      expect(second.body.events.map((e) => e.event.meta.id)).toEqual([deposit.events[0]!.meta.id]);
      expect(second.body.last).toBeGreaterThan(first.body.last);

      for (const from of [{ after: first.body.last }, { lastEventId: first.body.last }]) {
        const resumed = await openLive(server.url, space, from);
        try {
          expect((await resumed.next()).body.events).toEqual(second.body.events);
        } finally {
          resumed.close();
        }
      }
    } finally {
      live.close();
    }
  });

  it('refuses a live stream without the secret', async () => {
    const space = await newSpace(server.url);
    await expect(openLive(server.url, { ...space, secret: 'nope' })).rejects.toThrow(/401/);
  });

  it('keeps every event across a restart on the same data, and still knows a retried push', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    const commits = [phone.open(ANN), phone.deposit(ANN, 800)];
    await push(server.url, space, commits);
    const before = (await pull(server.url, space)).body;
    await server.close();

    server = await startServer({ store: await kind.reopen() });
    expect((await pull(server.url, space)).body).toEqual(before);
    const retried = await push(server.url, space, commits);
    expect(retried.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await push(server.url, space, [phone.withdraw(ANN, 300)])).status).toBe(200);
  });
});
