import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/startServer.ts';
import { call, newSpace, pull, push, type Space } from './support/client.ts';
import { DeviceLedger } from './support/ledger.ts';
import { stores } from './support/stores.ts';

const ANN = '4000000000000001';
/** The secret with its last character changed, whatever that character is. */
const otherSecret = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;

describe.each(stores())('bad requests on $name', (kind) => {
  let server: RunningServer;
  let space: Space;
  let phone: DeviceLedger;
  let stored: unknown;
  beforeAll(async () => {
    server = await startServer({ store: await kind.open() });
    space = await newSpace(server.url);
    phone = new DeviceLedger('phone');
    await push(server.url, space, [phone.open(ANN)]);
    stored = (await pull(server.url, space)).body;
  }, 30_000);
  afterAll(() => server?.close());

  const commitsPath = () => `/spaces/${space.spaceId}/commits`;
  /** Every refusal answers the JSON error and leaves the space as it was. */
  async function refused(answer: Promise<{ status: number; body: { error?: { code: string; message: string } } }>, status: number, code: string) {
    const { status: got, body } = await answer;
    expect({ got, code: body.error?.code }).toEqual({ got: status, code });
    expect(body.error!.message.length).toBeGreaterThan(10);
    expect((await pull(server.url, space)).body).toEqual(stored);
    return body.error!.message;
  }

  it('refuses malformed JSON', async () => {
    const message = await refused(call(server.url, commitsPath(), { secret: space.secret, raw: '{"device":"phone","commits":[' }), 400, 'MALFORMED_JSON');
    expect(message).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not JSON (415)', async () => {
    await refused(call(server.url, commitsPath(), { secret: space.secret, raw: 'device=phone', type: 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['no device', (c: object) => ({ commits: [c] }), /^device must be/],
    ['no commits', () => ({ device: 'phone', commits: [] }), /^commits must be a list of 1 to 500/],
    ['an unknown field', (c: object) => ({ device: 'phone', commits: [c], extra: 1 }), /"extra" is not a field/],
    ['a version of 0', (c: { events: { meta: object }[] }) => withMeta(c, { version: 0 }), /^commits\[0\]\.events\[0\]\.meta\.version must be a whole number of at least 1/],
    ['a time that is not UTC', (c: { events: { meta: object }[] }) => withMeta(c, { at: '2026-02-30T10:00:00.000Z' }), /^commits\[0\]\.events\[0\]\.meta\.at must be an ISO-8601/],
    ['a seq (per device, never sent)', (c: { events: { meta: object }[] }) => withMeta(c, { seq: 7 }), /^commits\[0\]\.events\[0\]\.meta\.seq is not a meta field/],
    ['a payload the domain never writes', (c: { events: { payload: object }[] }) => withPayload(c, { amount: -5 }), /^commits\[0\]\.events\[0\]\.payload: FundsAdded/],
  ])('refuses %s (400 BAD_REQUEST), naming the field', async (_, shape, words) => {
    const commit = structuredClone(phone.deposit(ANN, 100));
    phone.undo(commit);
    const message = await refused(call(server.url, commitsPath(), { secret: space.secret, body: shape(commit as never) }), 400, 'BAD_REQUEST');
    expect(message).toMatch(words);
  });

  it('refuses an unknown space (404) and a missing or wrong secret (401), never showing events', async () => {
    await refused(call(server.url, '/spaces/AAAAAAAAAAAAAAAAAAAAAA/events', { secret: space.secret }), 404, 'UNKNOWN_SPACE');
    await refused(call(server.url, `/spaces/${space.spaceId}/events`), 401, 'WRONG_SECRET');
    await refused(call(server.url, `/spaces/${space.spaceId}/events`, { secret: otherSecret(space.secret) }), 401, 'WRONG_SECRET');
    const commit = phone.deposit(ANN, 100);
    phone.undo(commit);
    await refused(call(server.url, commitsPath(), { secret: 'x'.repeat(43), body: { device: 'phone', commits: [commit] } }), 401, 'WRONG_SECRET');
  });

  it('refuses a body over 1 MiB (413 TOO_LARGE) and one event over 64 KiB (413 EVENT_TOO_LARGE)', async () => {
    const commits = Array.from({ length: 400 }, () => {
      const commit = phone.deposit(ANN, 100);
      commit.events[0]!.payload = { ...(commit.events[0]!.payload as object), note: 'n'.repeat(2_900) };
      return commit;
    });
    await refused(call(server.url, commitsPath(), { secret: space.secret, body: { device: 'phone', commits } }), 413, 'TOO_LARGE');
    for (const c of commits.reverse()) phone.undo(c);
    const big = phone.deposit(ANN, 100);
    phone.undo(big);
    big.events[0]!.payload = { ...(big.events[0]!.payload as object), note: 'n'.repeat(70_000) };
    const message = await refused(call(server.url, commitsPath(), { secret: space.secret, body: { device: 'phone', commits: [big] } }), 413, 'EVENT_TOO_LARGE');
    expect(message).toMatch(/^commits\[0\]\.events\[0\] is \d+ bytes/);
  });

  it('refuses a wrong method (405) and a route that does not exist (404), and answers a CORS preflight', async () => {
    await refused(call(server.url, commitsPath(), { method: 'GET', secret: space.secret }), 405, 'METHOD_NOT_ALLOWED');
    await refused(call(server.url, `/spaces/${space.spaceId}/events`, { method: 'DELETE', secret: space.secret }), 405, 'METHOD_NOT_ALLOWED');
    await refused(call(server.url, '/nowhere'), 404, 'NOT_FOUND');
    await refused(call(server.url, `/spaces/${space.spaceId}/events?limit=5001`, { secret: space.secret }), 400, 'BAD_REQUEST');
    const preflight = await fetch(`${server.url}${commitsPath()}`, { method: 'OPTIONS', headers: { origin: 'http://localhost:4173', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization, content-type/);
  });
});

function withMeta(commit: { events: { meta: object }[] }, meta: object) {
  commit.events[0]!.meta = { ...commit.events[0]!.meta, ...meta };
  return { device: 'phone', commits: [commit] };
}

function withPayload(commit: { events: { payload: object }[] }, payload: object) {
  commit.events[0]!.payload = { ...commit.events[0]!.payload, ...payload };
  return { device: 'phone', commits: [commit] };
}
