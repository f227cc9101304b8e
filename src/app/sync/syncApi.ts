import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { PulledEvent, WireCommit } from './wire.ts';

/** What the server said when it refused a request: its error code and sentence (see docs/sync.md). */
export class SyncServerError extends Error {
  override readonly name = 'SyncServerError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The server could not be reached at all (offline, wrong address, server down). */
export class SyncUnreachableError extends Error {
  override readonly name = 'SyncUnreachableError';
}

export interface CommitResult {
  id: string;
  status: 'stored' | 'duplicate';
  positions: [number, number];
}

export interface PullPage {
  events: PulledEvent[];
  last: number;
  more: boolean;
}

export interface SpaceAccess {
  server: string;
  spaceId: string;
  secret: string;
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new SyncUnreachableError(`The sync server at ${new URL(url).origin} cannot be reached.`, { cause: error });
  }
  if (response.ok) return response;
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON: the status alone speaks.
  }
  const error = (body.error ?? {}) as { code?: string; message?: string };
  throw new SyncServerError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? `The sync server answered ${response.status}.`, body);
}

const spaceUrl = (access: SpaceAccess, path: string) => `${access.server.replace(/\/+$/, '')}/spaces/${encodeURIComponent(access.spaceId)}${path}`;
const authorized = (access: SpaceAccess, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${access.secret}`, ...extra });

export async function createSpace(server: string): Promise<{ spaceId: string; secret: string }> {
  const response = await request(`${server.replace(/\/+$/, '')}/spaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return (await response.json()) as { spaceId: string; secret: string };
}

export async function pushCommits(access: SpaceAccess, device: string, commits: readonly WireCommit[], signal?: AbortSignal): Promise<{ results: CommitResult[]; last: number }> {
  const response = await request(spaceUrl(access, '/commits'), {
    method: 'POST',
    signal,
    headers: authorized(access, { 'content-type': 'application/json' }),
    body: JSON.stringify({ device, commits }),
  });
  return (await response.json()) as { results: CommitResult[]; last: number };
}

export async function pullEvents(access: SpaceAccess, after: number, limit: number, signal?: AbortSignal): Promise<PullPage> {
  const response = await request(spaceUrl(access, `/events?after=${after}&limit=${limit}`), { headers: authorized(access), signal });
  return (await response.json()) as PullPage;
}

/**
 * Follows the space live (server-sent events read through fetch, so the
 * secret travels in a header and never in a URL): calls `onPage` for each
 * batch from `after` on, and resolves when the server or `signal` ends the stream.
 */
export async function followLive(access: SpaceAccess, after: number, onPage: (page: PullPage) => Promise<void>, signal: AbortSignal): Promise<void> {
  const response = await request(spaceUrl(access, `/live?after=${after}`), {
    headers: authorized(access, { accept: 'text/event-stream' }),
    signal,
  });
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (value.event === 'events') await onPage(JSON.parse(value.data) as PullPage);
  }
}
