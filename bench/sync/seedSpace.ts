import { createHash, randomBytes } from 'node:crypto';
import { syntheticLedger } from '../../src/domain/index.ts';
import type { EmmettBackend } from '../../server/store/emmettBackend.ts';
import type { StreamAppend, WireEvent } from '../../server/store/types.ts';
import { toWire } from '../../src/app/sync/wire.ts';

export interface SeedSpaceOptions {
  events: number;
  accounts: number;
  seed: number;
}

export interface SeededSpace {
  spaceId: string;
  secret: string;
  events: number;
  /** Account numbers the ledger opened, for commands on them. */
  accounts: string[];
  ms: number;
}

/** Events per store transaction while seeding. */
const CHUNK = 5000;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A space id as the server makes them: 22 letters and digits. */
function spaceId(): string {
  return Array.from(randomBytes(22), (byte) => ALPHANUMERIC[byte % 62]).join('');
}

/**
 * A space holding the domain's synthetic ledger, written straight through the
 * server's store layer (Emmett's appends, in transactions of CHUNK events)
 * rather than pushed over HTTP a command at a time. Every run of consecutive
 * events on one stream is one append, so the space's positions follow the
 * ledger's own order, as devices pushing one command at a time would leave them.
 */
export async function seedSpace(backend: EmmettBackend, options: SeedSpaceOptions): Promise<SeededSpace> {
  const started = performance.now();
  const secret = randomBytes(32).toString('base64url');
  const id = spaceId();
  await backend.saveSpace({ spaceId: id, secretHash: createHash('sha256').update(secret, 'utf8').digest('hex'), name: 'Benchmark' });
  const accounts: string[] = [];
  let chunk: WireEvent[] = [];
  let count = 0;
  const flush = async () => {
    const batches = runsOf(chunk);
    await backend.transaction(id, (tx) => tx.append(batches, 'Seed', `seed-${count}`));
    chunk = [];
  };
  for (const event of syntheticLedger(options)) {
    if (event.type === 'AccountOpened') accounts.push(String((event.payload as { accountNumber: string }).accountNumber));
    chunk.push(toWire(event) as WireEvent);
    count += 1;
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return { spaceId: id, secret, events: count, accounts, ms: performance.now() - started };
}

/** Consecutive events on one stream as one append each, in the ledger's order. */
function runsOf(events: readonly WireEvent[]): StreamAppend[] {
  const runs: StreamAppend[] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last?.stream === event.meta.stream) last.events.push(event);
    else runs.push({ stream: event.meta.stream, expectedVersion: event.meta.version - 1, events: [event] });
  }
  return runs;
}
