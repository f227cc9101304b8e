import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SpaceRecord, SyncStore } from '../store/types.ts';
import { HttpError } from './respond.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SPACE_ID = /^[A-Za-z0-9]{22,64}$/;
const MAX_NAME_CHARS = 100;

/**
 * 22 letters and digits (131 random bits). Base64url without `-` and `_`: PostgreSQL
 * names a space's partition tables after its id with every other character turned into
 * `_`, so two ids must never differ only there.
 */
function newSpaceId(): string {
  let id = '';
  while (id.length < 22) for (const byte of randomBytes(32)) if (byte < 248 && id.length < 22) id += ALPHANUMERIC[byte % 62];
  return id;
}

/** A high-entropy random secret needs no slow hash: SHA-256 is enough to keep it out of the store. */
const hashOf = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export async function createSpace(store: SyncStore, body: unknown): Promise<{ spaceId: string; secret: string }> {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!fields) throw new HttpError(400, 'BAD_REQUEST', 'The body must be a JSON object, {} or { "name": "…" }.');
  for (const key of Object.keys(fields)) if (key !== 'name') throw new HttpError(400, 'BAD_REQUEST', `"${key.slice(0, 50)}" is not a field of a new space (only name is).`);
  const { name } = fields;
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_CHARS))
    throw new HttpError(400, 'BAD_REQUEST', `name must be a string of at most ${MAX_NAME_CHARS} characters.`);
  const spaceId = newSpaceId();
  const secret = randomBytes(32).toString('base64url');
  const record: SpaceRecord = { spaceId, secretHash: hashOf(secret).toString('hex') };
  if (name) record.name = name;
  await store.createSpace(record);
  return { spaceId, secret };
}

/** The space the request names, once its bearer secret matches; 404 for a space unknown here, 401 for a missing or wrong secret. */
export async function authorizedSpace(store: SyncStore, spaceId: string, req: IncomingMessage): Promise<SpaceRecord> {
  const space = SPACE_ID.test(spaceId) ? await store.findSpace(spaceId) : undefined;
  if (!space) throw new HttpError(404, 'UNKNOWN_SPACE', `There is no sync space ${spaceId.slice(0, 64)} on this server.`);
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const wrong = new HttpError(401, 'WRONG_SECRET', "The space's secret is missing or wrong: pair this device again from one that syncs.");
  if (!match) throw wrong;
  if (!timingSafeEqual(hashOf(match[1]!), Buffer.from(space.secretHash, 'hex'))) throw wrong;
  return space;
}
