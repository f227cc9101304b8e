import type { IncomingMessage, ServerResponse } from 'node:http';
import { judgeCommit } from '../checks/commitRules.ts';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../checks/limits.ts';
import { parsePushBody } from '../checks/pushBody.ts';
import type { SyncStore } from '../store/types.ts';
import { serveLive, type SpaceNotifier } from './live.ts';
import { pullPage } from './pull.ts';
import { readJsonBody } from './readBody.ts';
import { HttpError, sendError, sendJson, sendJsonText } from './respond.ts';
import { authorizedSpace, createSpace } from './spaces.ts';

export interface RouteContext {
  store: SyncStore;
  notifier: SpaceNotifier;
}

const SPACE_ROUTE = /^\/spaces\/([^/]+)\/(commits|events|live)$/;

/** Every route of docs/sync.md's HTTP API; anything else is a 404 or 405 with the JSON error. */
export async function route(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const { store } = context;

  if (url.pathname === '/health') {
    allow(method, 'GET');
    return sendJson(res, 200, { ok: true, store: store.kind });
  }
  if (url.pathname === '/spaces') {
    allow(method, 'POST');
    return sendJson(res, 201, await createSpace(store, await readJsonBody(req)));
  }
  const match = SPACE_ROUTE.exec(url.pathname);
  if (!match) throw new HttpError(404, 'NOT_FOUND', `There is no ${url.pathname.slice(0, 100)} here: the routes are /spaces, /spaces/:id/commits, /spaces/:id/events and /spaces/:id/live.`);
  const [, spaceId, what] = match as unknown as [string, string, 'commits' | 'events' | 'live'];
  allow(method, what === 'commits' ? 'POST' : 'GET');
  await authorizedSpace(store, spaceId, req);

  if (what === 'commits') return push(context, spaceId, req, res);
  const after = position(url.searchParams.get('after') ?? (what === 'live' ? lastEventId(req) : null) ?? '0', 'after');
  if (what === 'live') return serveLive(store, context.notifier, spaceId, after, req, res);
  const limit = count(url.searchParams.get('limit'));
  return sendJsonText(res, 200, (await pullPage(store, spaceId, after, limit)).json);
}

async function push(context: RouteContext, spaceId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = parsePushBody(await readJsonBody(req));
  if ('code' in body) throw new HttpError(body.code === 'BAD_REQUEST' ? 400 : 413, body.code, body.message);
  const outcome = await context.store.commit(spaceId, body.device, body.commits, judgeCommit);
  if (outcome.results.some((r) => r.status === 'stored')) context.notifier.notify(spaceId);
  const { refusal, results, last } = outcome;
  if (!refusal) return sendJson(res, 200, { results, last });
  const { code, message, ...extra } = refusal;
  sendError(res, new HttpError(code === 'RULE_BROKEN' ? 422 : 409, code, message, extra), { results });
}

function allow(method: string, expected: string): void {
  if (method !== expected) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `This route answers ${expected}, not ${method.slice(0, 20)}.`);
}

function lastEventId(req: IncomingMessage): string | null {
  const id = req.headers['last-event-id'];
  return typeof id === 'string' ? id : null;
}

function position(text: string, name: string): number {
  const value = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(value)) throw new HttpError(400, 'BAD_REQUEST', `${name} must be a position: a whole number of at least 0.`);
  return value;
}

function count(text: string | null): number {
  if (text === null) return DEFAULT_PULL_LIMIT;
  const value = Number(text);
  if (!/^\d{1,5}$/.test(text) || value < 1 || value > MAX_PULL_LIMIT) throw new HttpError(400, 'BAD_REQUEST', `limit must be a whole number from 1 to ${MAX_PULL_LIMIT}.`);
  return value;
}
