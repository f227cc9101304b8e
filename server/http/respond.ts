import type { ServerResponse } from 'node:http';

/** A refusal as the protocol answers it: `{ error: { code, message, ... } }` with a 4xx or 5xx status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, last-event-id',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '600',
} as const;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** A body already serialized (a pull page). */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError, besides: Record<string, unknown> = {}): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message, ...error.extra }, ...besides });
}
