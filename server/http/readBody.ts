import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../checks/limits.ts';
import { HttpError } from './respond.ts';

/** The request's JSON body: refused unread past 1 MiB, as 415 when it is not JSON, 400 when it does not parse. An empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  if (size === 0) return {};
  if (type !== 'application/json') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON, with Content-Type: application/json.');
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'MALFORMED_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

const tooLarge = () => new HttpError(413, 'TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB): push fewer commits at a time.`);
