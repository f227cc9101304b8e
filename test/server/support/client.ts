import type { PushCommit } from '../../../server/store/types.ts';

export interface Space {
  spaceId: string;
  secret: string;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON answer, read field by field in assertions
}

/** What a device sends: JSON bodies, the space's bearer secret. */
export async function call(url: string, path: string, init: { method?: string; secret?: string; body?: unknown; raw?: string; type?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.secret !== undefined) headers.authorization = `Bearer ${init.secret}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['content-type'] = init.type ?? 'application/json';
  const response = await fetch(url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function newSpace(url: string): Promise<Space> {
  const { status, body } = await call(url, '/spaces', { body: {} });
  if (status !== 201) throw new Error(`POST /spaces answered ${status}`);
  return body as Space;
}

export const push = (url: string, space: Space, commits: PushCommit[], device = 'phone') =>
  call(url, `/spaces/${space.spaceId}/commits`, { secret: space.secret, body: { device, commits } });

export const pull = (url: string, space: Space, after = 0, limit?: number) =>
  call(url, `/spaces/${space.spaceId}/events?after=${after}${limit ? `&limit=${limit}` : ''}`, { secret: space.secret });
