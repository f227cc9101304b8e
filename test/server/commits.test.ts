import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/startServer.ts';
import { DeviceLedger } from './support/ledger.ts';
import { newSpace, pull, push, call } from './support/client.ts';
import { stores } from './support/stores.ts';

// Above 2^53: a 16-digit account number must come back as text, never a number or BigInt.
const ANN = '9100000000000001';
const BEN = '4000000000000002';

describe.each(stores())('pushing and pulling commits on $name', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ store: await kind.open() });
  }, 30_000);
  afterAll(() => server?.close());

  it('creates a space with an id and a 256-bit secret, and says which store it uses', async () => {
    const { status, body } = await call(server.url, '/spaces', { body: { name: 'Household' } });
    expect(status).toBe(201);
    expect(body.spaceId).toMatch(/^[A-Za-z0-9]{22,}$/);
    expect(body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await call(server.url, '/health')).body).toEqual({ ok: true, store: kind.name });
  });

  it('gives every pushed event back byte for byte, with its position and device', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    const commits = [phone.open(ANN), phone.deposit(ANN, 5_000)];
    // Keys in an order PostgreSQL's jsonb would change, and text beyond ASCII.
    commits[1]!.events[0]!.payload = { accountNumber: ANN, amount: 5_000, category: 'Uncategorized', note: 'Für Ömer – 李雷' };
    const pushed = await push(server.url, space, commits);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(['stored', 'stored']);
    const { body } = await pull(server.url, space);
    // A commit is stored stream by stream (Emmett appends one stream at a time), in the order its streams first appear.
    const sent = commits.flatMap((c) => [...new Set(c.events.map((e) => e.meta.stream))].flatMap((s) => c.events.filter((e) => e.meta.stream === s)));
    expect(body.events.map((e: { event: unknown }) => JSON.stringify(e.event))).toEqual(sent.map((e) => JSON.stringify(e)));
    expect(body.events.every((e: { device: string }) => e.device === 'phone')).toBe(true);
    const positions = body.events.map((e: { position: number }) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(body.last).toBe(positions.at(-1));
    expect(pushed.body.last).toBe(body.last);
    expect(body.more).toBe(false);
    const paged = await pull(server.url, space, 0, 2);
    expect(paged.body.events).toHaveLength(2);
    expect(paged.body.more).toBe(true);
    expect((await pull(server.url, space, paged.body.last)).body.events).toEqual(body.events.slice(2));
  });

  it('refuses a commit on a stream that moved (409), stores none of it, and the stream takes the right version afterwards', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    const laptop = new DeviceLedger('laptop');
    await push(server.url, space, [phone.open(ANN), phone.deposit(ANN, 10_000)]);
    laptop.open(ANN); // the laptop knows only the opening: its deposit expects version 3
    const stale = laptop.deposit(ANN, 700);
    const before = (await pull(server.url, space)).body;

    const refused = await push(server.url, space, [stale], 'laptop');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', commitId: stale.id, stream: `account-${ANN}`, expected: 3, actual: 4 });
    expect(refused.body.error.message).toMatch(/another device/);
    expect(refused.body.results).toEqual([]);
    expect((await pull(server.url, space)).body).toEqual(before);

    const next = phone.withdraw(ANN, 2_500);
    expect((await push(server.url, space, [next])).status).toBe(200);
    expect((await pull(server.url, space, before.last)).body.events.map((e: { event: { meta: { version: number } } }) => e.event.meta.version)).toEqual([5]);
  });

  it('stores both halves of a transfer in one commit, and neither when one stream moved', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    await push(server.url, space, [phone.open(ANN), phone.open(BEN), phone.deposit(ANN, 9_000)]);
    const laptop = new DeviceLedger('laptop');
    laptop.open(ANN);
    laptop.open(BEN);
    laptop.deposit(ANN, 9_000);
    const moved = phone.deposit(BEN, 100);
    expect((await push(server.url, space, [moved])).status).toBe(200);
    const before = (await pull(server.url, space)).body;

    const transfer = laptop.transfer(ANN, BEN, 4_000); // ANN's half is current, BEN's is one behind
    const refused = await push(server.url, space, [transfer], 'laptop');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', stream: `account-${BEN}` });
    expect((await pull(server.url, space)).body).toEqual(before);

    const good = phone.transfer(ANN, BEN, 4_000);
    const stored = await push(server.url, space, [good]);
    expect(stored.body.results[0]).toMatchObject({ status: 'stored', positions: [before.last + 1, before.last + 2] });
    const after = (await pull(server.url, space, before.last)).body.events.map((e: { event: { type: string } }) => e.event.type);
    expect(after).toEqual(['TransferSent', 'TransferReceived']);
  });

  it('answers a retried push "duplicate" and stores nothing twice, even a replay of several commits', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    const commits = [phone.open(ANN), phone.deposit(ANN, 1_000)];
    const first = await push(server.url, space, commits);
    const before = (await pull(server.url, space)).body;
    const again = await push(server.url, space, commits);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual(first.body.results.map((r: object) => ({ ...r, status: 'duplicate' })));
    expect((await pull(server.url, space)).body).toEqual(before);
    // A retry of the old commits followed by a new one: the old acknowledged, the new stored.
    const more = phone.deposit(ANN, 50);
    const mixed = await push(server.url, space, [...commits, more]);
    expect(mixed.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'stored']);
    expect((await pull(server.url, space)).body.events).toHaveLength(before.events.length + 1);
  });

  it('refuses an event id already stored elsewhere (409 DUPLICATE_EVENT_ID), keeping the commits before it', async () => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    const opened = phone.open(ANN);
    await push(server.url, space, [opened]);
    const ok = phone.deposit(ANN, 300);
    const reuse = phone.deposit(ANN, 400);
    reuse.events[0]!.meta.id = opened.events[1]!.meta.id;
    const refused = await push(server.url, space, [ok, reuse]);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'DUPLICATE_EVENT_ID', commitId: reuse.id, eventIndex: 0 });
    expect(refused.body.results).toMatchObject([{ id: ok.id, status: 'stored' }]);
    expect((await pull(server.url, space)).body.events).toHaveLength(opened.events.length + 1);
  });

  it.each([
    ['a withdrawal beyond the balance', (d: DeviceLedger) => d.withdraw(ANN, 1_000_000), /50\.00|cannot|hold/i],
    ['a transfer with one half', (d: DeviceLedger) => d.transfer(ANN, BEN, 100, 'sent only'), /never reached/],
    ['an event on an account never opened', (d: DeviceLedger) => d.deposit('4000000000000099', 100), /never opened/],
  ])('refuses %s (422 RULE_BROKEN) and stores nothing', async (_, make, words) => {
    const space = await newSpace(server.url);
    const phone = new DeviceLedger('phone');
    await push(server.url, space, [phone.open(ANN), phone.open(BEN), phone.deposit(ANN, 5_000)]);
    const before = (await pull(server.url, space)).body;
    const bad = make(phone);
    const refused = await push(server.url, space, [bad]);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_BROKEN', commitId: bad.id, eventIndex: 0 });
    expect(refused.body.error.message).toMatch(words);
    expect((await pull(server.url, space)).body).toEqual(before);
  });

  it('keeps spaces apart: a pull sees only its own space, and one space\'s secret opens no other', async () => {
    const a = await newSpace(server.url);
    const b = await newSpace(server.url);
    await push(server.url, a, [new DeviceLedger('a').open(ANN)]);
    await push(server.url, b, [new DeviceLedger('b').open(BEN)]);
    const streams = (await pull(server.url, b)).body.events.map((e: { event: { meta: { stream: string } } }) => e.event.meta.stream);
    expect(streams).toContain(`account-${BEN}`);
    expect(streams).not.toContain(`account-${ANN}`);
    const crossed = await call(server.url, `/spaces/${b.spaceId}/events`, { secret: a.secret });
    expect(crossed.status).toBe(401);
    expect(crossed.body.error.code).toBe('WRONG_SECRET');
    expect(crossed.body.events).toBeUndefined();
  });
});
