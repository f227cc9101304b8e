import type { SpaceAccess } from './syncApi.ts';

/** The route a pairing link opens: a hash route, so the secret stays in the browser and never reaches a web server. */
export const JOIN_ROUTE = '#/sync/join';

/** The link another device opens (or scans as a QR code) to join this ledger's space. */
export function pairingLink(appUrl: string, access: SpaceAccess): string {
  const base = appUrl.split('#')[0]!;
  const query = new URLSearchParams({ server: access.server, space: access.spaceId, secret: access.secret });
  return `${base}${JOIN_ROUTE}?${query.toString()}`;
}

/** The space a pairing link names; throws an Error in words when the text is not one. */
export function parsePairingLink(link: string): SpaceAccess {
  const trimmed = link.trim();
  const at = trimmed.indexOf(JOIN_ROUTE);
  if (at < 0) throw new Error('This is not a Rewind pairing link: it should contain "#/sync/join?".');
  const query = new URLSearchParams(trimmed.slice(at + JOIN_ROUTE.length).replace(/^\?/, ''));
  const server = query.get('server') ?? '';
  const spaceId = query.get('space') ?? '';
  const secret = query.get('secret') ?? '';
  if (!/^https?:\/\/[^\s]+$/.test(server)) throw new Error('The pairing link names no sync server address (http:// or https://).');
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(spaceId)) throw new Error('The pairing link names no sync space.');
  if (!/^[A-Za-z0-9_-]{40,200}$/.test(secret)) throw new Error('The pairing link carries no secret, or only part of it: copy the whole link.');
  return { server, spaceId, secret };
}
