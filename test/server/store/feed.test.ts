import { afterEach, describe, expect, it } from 'vitest';
import type { EmmettBackend } from '../../../server/store/emmettBackend.ts';
import { FEED_TABLE } from '../../../server/store/feed.ts';
import { StreamConflictError, type PushCommit, type SpaceEvent, type StreamAppend } from '../../../server/store/types.ts';
import { DeviceLedger } from '../support/ledger.ts';
import { stores } from '../support/stores.ts';

const ANN = '4000000000000001';
const BEN = '4000000000000002';

const batchesOf = (commit: PushCommit): StreamAppend[] =>
  [...new Set(commit.events.map((e) => e.meta.stream))].map((stream) => {
    const mine = commit.events.filter((e) => e.meta.stream === stream);
    return { stream, expectedVersion: mine[0]!.meta.version - 1, events: mine };
  });

/** What Emmett's own read gives back for the space. */
async function emmettEvents(backend: EmmettBackend, spaceId: string): Promise<SpaceEvent[]> {
  return (await backend.readAfter(spaceId, 0, 10_000)).events;
}

/** Feed lines as the events they carry, each checked to be printable ASCII (escapes for the rest). */
function parsed(lines: readonly string[]): SpaceEvent[] {
  for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]+$/);
  return lines.map((line) => JSON.parse(line) as SpaceEvent);
}

/** The pull's read model against Emmett's stream it is written beside. */
describe.each(stores())('the pull feed on $name', (kind) => {
  let backend: EmmettBackend | undefined;
  let n = 0;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  async function spaceWithEvents(into: EmmettBackend): Promise<{ spaceId: string; phone: DeviceLedger }> {
    const spaceId = `FeedSpace${String(++n).padStart(13, '0')}`;
    await into.saveSpace({ spaceId, secretHash: '00' });
    const phone = new DeviceLedger('phone');
    const opened = [phone.open(ANN), phone.open(BEN)];
    const deposit = phone.deposit(ANN, 500);
    // Keys jsonb would reorder, and text beyond ASCII: the feed keeps both as sent.
    deposit.events[0]!.payload = { note: 'café ☕', accountNumber: ANN, amount: 500, category: 'Uncategorized' };
    for (const commit of [...opened, deposit, phone.transfer(ANN, BEN, 120)])
      await into.transaction(spaceId, (tx) => tx.append(batchesOf(commit), 'phone', commit.id));
    return { spaceId, phone };
  }

  it("holds each stored event as the exact JSON of Emmett's read, in position order, page by page", async () => {
    backend = await kind.openBackend();
    const { spaceId } = await spaceWithEvents(backend);
    const expected = await emmettEvents(backend, spaceId);
    expect(expected).toHaveLength(11);
    const { lines } = await backend.readFeed(spaceId, 0, 100);
    expect(parsed(lines)).toEqual(expected);
    // Byte for byte too: keys in the order sent, not jsonb's.
    expect(lines[8]).toContain('"payload":{"note":"caf\\u00e9 \\u2615","accountNumber"');

    const first = await backend.readFeed(spaceId, 0, 4);
    expect(first).toMatchObject({ lines: lines.slice(0, 4), more: true });
    expect(first.last).toBe(expected[3]!.position);
    const rest = await backend.readFeed(spaceId, first.last, 100);
    expect(rest).toMatchObject({ lines: lines.slice(4), more: false });
    expect(await backend.readFeed(spaceId, rest.last, 100)).toEqual({ lines: [], last: rest.last, more: false });
  });

  it('gains no row from a refused append, and never shows one space the events of another', async () => {
    backend = await kind.openBackend();
    const { spaceId, phone } = await spaceWithEvents(backend);
    const other = await spaceWithEvents(backend);
    const before = (await backend.readFeed(spaceId, 0, 100)).lines;

    const transfer = phone.transfer(ANN, BEN, 10);
    const [sent, received] = batchesOf(transfer);
    await expect(backend.transaction(spaceId, (tx) => tx.append([sent!, { ...received!, expectedVersion: 1 }], 'phone', transfer.id))).rejects.toBeInstanceOf(
      StreamConflictError,
    );
    expect((await backend.readFeed(spaceId, 0, 100)).lines).toEqual(before);
    const theirs = parsed((await backend.readFeed(other.spaceId, 0, 100)).lines);
    expect(theirs).toEqual(await emmettEvents(backend, other.spaceId));
    // Both spaces hold the same ids (one ledger's commits, twice); their positions tell the events apart.
    const mine = new Set(parsed(before).map((e) => e.position));
    expect(theirs.filter((e) => mine.has(e.position))).toEqual([]);
  });

  it.each([
    ['written before it', `DROP TABLE ${FEED_TABLE}`],
    ['holding a feed of another shape', `DROP TABLE ${FEED_TABLE}; CREATE TABLE ${FEED_TABLE} (space_id TEXT, position INTEGER, line TEXT)`],
  ])('is filled from Emmett once when a database %s is opened, and kept from then on', async (_, older) => {
    backend = await kind.openBackend();
    const { spaceId, phone } = await spaceWithEvents(backend);
    await backend.close();
    await kind.runSql(older);

    backend = await kind.reopenBackend();
    expect(parsed((await backend.readFeed(spaceId, 0, 100)).lines)).toEqual(await emmettEvents(backend, spaceId));
    const deposit = phone.deposit(BEN, 30);
    await backend.transaction(spaceId, (tx) => tx.append(batchesOf(deposit), 'phone', deposit.id));
    await backend.close();

    backend = await kind.reopenBackend();
    const events = parsed((await backend.readFeed(spaceId, 0, 100)).lines);
    expect(events).toEqual(await emmettEvents(backend, spaceId));
    expect(events).toHaveLength(12);
  });
});
